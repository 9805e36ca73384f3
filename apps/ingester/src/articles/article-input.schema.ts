import { Type, type Static } from '@sinclair/typebox';
import { createValidator, type FieldError } from '@newsflow/contracts';

/**
 * What a newsroom pushes to POST /v1/articles: the IPTC ninjs 2.x fields Newsflow uses (other ninjs
 * fields are allowed and ignored for now). Field names follow ninjs, hence the snake_case.
 */
export const ArticleInputSchema = Type.Object(
  {
    uri: Type.String({
      minLength: 1,
      maxLength: 2048,
      description: 'The publisher’s identifier for the story',
    }),
    headline: Type.String({ minLength: 1, maxLength: 1000 }),
    body_text: Type.Optional(Type.String({ maxLength: 2_000_000 })),
    body_html: Type.Optional(Type.String({ maxLength: 4_000_000 })),
    versioncreated: Type.Optional(Type.String({ format: 'date-time' })),
    firstcreated: Type.Optional(Type.String({ format: 'date-time' })),
    language: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$', maxLength: 35 })),
    byline: Type.Optional(Type.String({ maxLength: 1000 })),
    pubstatus: Type.Optional(
      Type.Union([Type.Literal('usable'), Type.Literal('withheld'), Type.Literal('canceled')]),
    ),
  },
  { additionalProperties: true },
);
export type ArticleInput = Static<typeof ArticleInputSchema>;

const validateArticle = createValidator(ArticleInputSchema);

export type PushValidation =
  { ok: true; articles: ArticleInput[]; single: boolean } | { ok: false; errors: FieldError[] };

/** Validates a push body: one article or an array of them. Every bad field of every article is named. */
export function validatePush(body: unknown, maxBatch: number): PushValidation {
  const single = !Array.isArray(body);
  const items: unknown[] = Array.isArray(body) ? body : [body];
  if (single && (typeof body !== 'object' || body === null)) {
    return { ok: false, errors: [{ path: '', message: 'must be an article object or an array of them' }] };
  }
  if (items.length === 0)
    return { ok: false, errors: [{ path: '', message: 'must contain at least one article' }] };
  if (items.length > maxBatch) {
    return { ok: false, errors: [{ path: '', message: `must contain at most ${maxBatch} articles` }] };
  }
  const errors: FieldError[] = [];
  const articles: ArticleInput[] = [];
  items.forEach((item, index) => {
    const prefix = single ? '' : `/${index}`;
    const result = validateArticle(item);
    if (!result.ok) {
      errors.push(...result.errors.map((e) => ({ path: `${prefix}${e.path}`, message: e.message })));
      return;
    }
    const article = result.value;
    if (
      article.pubstatus !== 'canceled' &&
      article.body_text === undefined &&
      article.body_html === undefined
    ) {
      errors.push({ path: `${prefix}/body_text`, message: 'body_text or body_html is required' });
    }
    articles.push(article);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, articles, single };
}
