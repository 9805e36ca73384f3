import { Type, type Static } from '@sinclair/typebox';
import { createValidator, type FieldError } from '@newsflow/contracts';
import { type IncomingArticle } from './incoming-article';

const Text = (maxLength: number) => Type.String({ maxLength });
const Block = (maxLength: number) =>
  Type.Object(
    { value: Text(maxLength), role: Type.Optional(Type.String()), contenttype: Type.Optional(Type.String()) },
    { additionalProperties: true },
  );

/**
 * What a newsroom pushes to POST /v1/articles: IPTC ninjs. Both shapes in use are accepted — ninjs 2.x
 * (`headlines`, `bodies`, `descriptions`, `by`) and the 1.x fields many systems still send
 * (`headline`, `body_text`, `body_html`, `description_text`, `byline`). Other ninjs fields are
 * allowed and ignored for now. Field names follow ninjs, hence the lower case without separators.
 */
export const ArticleInputSchema = Type.Object(
  {
    uri: Type.String({
      minLength: 1,
      maxLength: 2048,
      description: 'The publisher’s identifier for the story',
    }),
    headline: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    headlines: Type.Optional(Type.Array(Block(1000), { minItems: 1 })),
    body_text: Type.Optional(Text(2_000_000)),
    body_html: Type.Optional(Text(4_000_000)),
    bodies: Type.Optional(Type.Array(Block(4_000_000), { minItems: 1 })),
    description_text: Type.Optional(Text(20_000)),
    descriptions: Type.Optional(Type.Array(Block(20_000))),
    versioncreated: Type.Optional(Type.String({ format: 'date-time' })),
    firstcreated: Type.Optional(Type.String({ format: 'date-time' })),
    version: Type.Optional(Type.String({ maxLength: 100 })),
    language: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$', maxLength: 35 })),
    byline: Type.Optional(Text(1000)),
    by: Type.Optional(Text(1000)),
    pubstatus: Type.Optional(
      Type.Union([Type.Literal('usable'), Type.Literal('withheld'), Type.Literal('canceled')]),
    ),
  },
  { additionalProperties: true },
);
export type ArticleInput = Static<typeof ArticleInputSchema>;

const validateArticle = createValidator(ArticleInputSchema);

type Block = { value: string; role?: string; contenttype?: string };

/** The block a newsroom means as the main one: role "main", else the first. */
const mainBlock = (
  blocks: Block[] | undefined,
  accept: (b: Block) => boolean = () => true,
): Block | undefined => {
  const candidates = (blocks ?? []).filter(accept);
  return candidates.find((b) => b.role === 'main') ?? candidates[0];
};
const isHtml = (b: Block): boolean => /html/i.test(b.contenttype ?? '') || /^\s*</.test(b.value);

/** ninjs (either shape) → the ingester's article. Assumes the schema was satisfied. */
export function fromNinjs(input: ArticleInput): IncomingArticle {
  const headline = input.headline ?? mainBlock(input.headlines)?.value ?? '';
  const bodyHtml = input.body_html ?? mainBlock(input.bodies, isHtml)?.value;
  const bodyText = input.body_text ?? mainBlock(input.bodies, (b) => !isHtml(b))?.value;
  const summary = input.description_text ?? mainBlock(input.descriptions)?.value;
  const byline = input.byline ?? input.by;
  return {
    uri: input.uri,
    headline,
    ...(bodyText !== undefined ? { bodyText } : {}),
    ...(bodyHtml !== undefined ? { bodyHtml } : {}),
    ...(summary !== undefined ? { summary } : {}),
    ...(byline !== undefined ? { byline } : {}),
    ...(input.language !== undefined ? { language: input.language } : {}),
    pubStatus: input.pubstatus ?? 'usable',
    ...(input.versioncreated !== undefined ? { versionCreated: input.versioncreated } : {}),
    ...(input.firstcreated !== undefined ? { firstCreated: input.firstcreated } : {}),
  };
}

/** One pushed item: the article it became, or every problem with it. */
export type ItemValidation = { ok: true; article: IncomingArticle } | { ok: false; errors: FieldError[] };

export type PushValidation =
  { ok: true; items: ItemValidation[]; single: boolean } | { ok: false; errors: FieldError[] };

const hasText = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
const anyBlockHasText = (blocks: unknown, accept: (b: Block) => boolean = () => true): boolean =>
  Array.isArray(blocks) &&
  blocks.some((b: Block) => typeof b === 'object' && b !== null && hasText(b.value) && accept(b));

/** Presence rules JSON Schema cannot say plainly: a headline in either shape, a body unless killed. */
function missingFields(item: Record<string, unknown>, prefix: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!hasText(item.headline) && !anyBlockHasText(item.headlines)) {
    errors.push({ path: `${prefix}/headline`, message: 'headline or headlines[].value is required' });
  }
  const hasBody = hasText(item.body_text) || hasText(item.body_html) || anyBlockHasText(item.bodies);
  if (item.pubstatus !== 'canceled' && !hasBody) {
    errors.push({ path: `${prefix}/body_text`, message: 'body_text, body_html or bodies[] is required' });
  }
  return errors;
}

function validateItem(item: unknown, prefix: string): ItemValidation {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return { ok: false, errors: [{ path: prefix, message: 'must be an article object' }] };
  }
  const result = validateArticle(item);
  const errors = result.ok ? [] : result.errors.map((e) => ({ ...e, path: `${prefix}${e.path}` }));
  const reported = new Set(errors.map((e) => e.path));
  errors.push(...missingFields(item as Record<string, unknown>, prefix).filter((e) => !reported.has(e.path)));
  return result.ok && errors.length === 0
    ? { ok: true, article: fromNinjs(result.value) }
    : { ok: false, errors };
}

/**
 * Validates a push body: one article or an array of them. Each item is judged on its own, so one
 * bad item never sinks the rest; every bad field is named with its JSON Pointer (`/3/headline`).
 */
export function validatePush(body: unknown, maxBatch: number): PushValidation {
  if (typeof body !== 'object' || body === null) {
    return { ok: false, errors: [{ path: '', message: 'must be an article object or an array of them' }] };
  }
  if (!Array.isArray(body)) return { ok: true, items: [validateItem(body, '')], single: true };
  if (body.length === 0)
    return { ok: false, errors: [{ path: '', message: 'must contain at least one article' }] };
  if (body.length > maxBatch) {
    return { ok: false, errors: [{ path: '', message: `must contain at most ${maxBatch} articles` }] };
  }
  return { ok: true, items: body.map((item, index) => validateItem(item, `/${index}`)), single: false };
}
