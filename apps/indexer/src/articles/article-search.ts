import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { createValidator, type FieldError } from '@newsflow/contracts';
import { badRequest } from '@newsflow/platform';
import { type ListArticlesQuery } from './articles.schemas';

export const DEFAULT_PAGE_SIZE = 20;

export type ArticleOrder = 'recent' | 'relevance';

/** Where the previous page ended: the sort key of its last item, exact to the microsecond. */
export interface ArticleCursor {
  order: ArticleOrder;
  /** versionCreated as PostgreSQL stores it (microseconds), e.g. 2026-11-27T08:01:00.123456Z */
  versionCreated: string;
  id: string;
  /** ts_rank as PostgreSQL printed it (a real prints exactly), for `relevance` pages. */
  score?: string;
  /** Fingerprint of the filters the cursor was made for: a cursor is only valid with the same query. */
  query: string;
}

/** A validated search: the filters, the order, the page size and where to continue. */
export interface ArticleSearch {
  q?: string;
  entity?: string;
  type?: string;
  source?: string;
  language?: string;
  since?: string;
  until?: string;
  order: ArticleOrder;
  limit: number;
  after?: ArticleCursor;
}

const CursorSchema = Type.Object(
  {
    v: Type.Literal(1),
    o: Type.Union([Type.Literal('recent'), Type.Literal('relevance')]),
    t: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}Z$' }),
    i: Type.String({ pattern: '^[a-z0-9]{32}$' }),
    s: Type.Optional(Type.String({ pattern: '^[0-9.e+-]{1,32}$' })),
    f: Type.String({ pattern: '^[a-f0-9]{16}$' }),
  },
  { additionalProperties: false },
);
const validateCursor = createValidator(CursorSchema);

/** Opaque to clients (base64url of a small JSON object), so its layout can change with `v`. */
export function encodeCursor(cursor: ArticleCursor): string {
  const body = {
    v: 1,
    o: cursor.order,
    t: cursor.versionCreated,
    i: cursor.id,
    ...(cursor.score !== undefined ? { s: cursor.score } : {}),
    f: cursor.query,
  };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

export function decodeCursor(text: string): ArticleCursor | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const result = validateCursor(parsed);
  if (!result.ok) return undefined;
  const { o, t, i, s, f } = result.value;
  if ((o === 'relevance') !== (s !== undefined)) return undefined;
  return { order: o, versionCreated: t, id: i, ...(s !== undefined ? { score: s } : {}), query: f };
}

/** The filters and order of a search, as a short fingerprint (page size and cursor aside). */
export function queryFingerprint(search: Omit<ArticleSearch, 'limit' | 'after'>): string {
  const { q, entity, type, source, language, since, until, order } = search;
  return createHash('sha256')
    .update(JSON.stringify([q, entity, type, source, language, since, until, order]))
    .digest('hex')
    .slice(0, 16);
}

/**
 * A parsed (schema-valid) query → the search it asks for. Checks what a schema cannot say alone and
 * answers 400 naming the parameter: `until` before `since`, `order=relevance` without `q`, and a
 * cursor that is malformed or was made for other filters.
 */
export function toArticleSearch(query: ListArticlesQuery): ArticleSearch {
  const errors: FieldError[] = [];
  const order = query.order ?? 'recent';
  const q = query.q?.trim();
  if (query.q !== undefined && !q) errors.push({ path: '/q', message: 'must contain a word' });
  if (order === 'relevance' && !q) errors.push({ path: '/order', message: 'relevance needs q' });
  if (query.since && query.until && Date.parse(query.until) <= Date.parse(query.since)) {
    errors.push({ path: '/until', message: 'must be after since' });
  }
  const filters = {
    ...(q ? { q } : {}),
    ...(query.entity !== undefined ? { entity: query.entity.trim() } : {}),
    ...(query.type !== undefined ? { type: query.type } : {}),
    ...(query.source !== undefined ? { source: query.source } : {}),
    ...(query.language !== undefined ? { language: query.language } : {}),
    ...(query.since !== undefined ? { since: query.since } : {}),
    ...(query.until !== undefined ? { until: query.until } : {}),
    order,
  };
  let after: ArticleCursor | undefined;
  if (query.cursor !== undefined) {
    after = decodeCursor(query.cursor);
    if (!after) errors.push({ path: '/cursor', message: 'is not a cursor this API issued' });
    else if (after.query !== queryFingerprint(filters) || after.order !== order) {
      errors.push({ path: '/cursor', message: 'was issued for other filters; start again without it' });
    }
  }
  if (errors.length > 0) throw badRequest('invalid query parameter', errors);
  return { ...filters, limit: query.limit ?? DEFAULT_PAGE_SIZE, ...(after ? { after } : {}) };
}
