import { Type, type Static } from '@sinclair/typebox';
import { EnrichedArticleEventSchema, TaggedEntitySchema } from '@newsflow/contracts';

const event = EnrichedArticleEventSchema.properties;
const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const EntityTypeSchema = TaggedEntitySchema.properties.type;

export const ArticleIdParamsSchema = Type.Object(
  {
    id: Type.String({ ...event.articleId, description: 'Article id (32 lowercase hexadecimal characters)' }),
  },
  { additionalProperties: false },
);

export const ArticleFormatQuerySchema = Type.Object(
  {
    format: Type.Optional(
      Type.Union([Type.Literal('newsflow'), Type.Literal('ninjs')], {
        description:
          '`newsflow` (default): the stored version with entities and mentions; `ninjs`: IPTC ninjs 2.2',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ListArticlesQuerySchema = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 500,
        description:
          'Full-text query over headline (weighted higher) and body, in web-search syntax: words, "a phrase", OR, -excluded. English stemming.',
      }),
    ),
    entity: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 300,
        description:
          'Articles mentioning this entity: a canonical id (Q42, nf:person:maria-okafor), or a name or alias it was tagged as (case-insensitive; every entity of that name)',
      }),
    ),
    type: Type.Optional(
      Type.Union(EntityTypeSchema.anyOf, {
        description:
          'With `entity`: only entities of this type. Alone: articles mentioning any entity of this type',
      }),
    ),
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Source id' })),
    language: Type.Optional(
      Type.String({ pattern: '^([a-z]{2,3}|und)$', description: 'ISO 639-1 code as detected, or und' }),
    ),
    since: Type.Optional(
      Type.String({ format: 'date-time', description: 'versionCreated at or after (RFC 3339)' }),
    ),
    until: Type.Optional(
      Type.String({ format: 'date-time', description: 'versionCreated before (RFC 3339; exclusive)' }),
    ),
    order: Type.Optional(
      Type.Union([Type.Literal('recent'), Type.Literal('relevance')], {
        description:
          '`recent` (default): newest versionCreated first. `relevance` (needs `q`): best match first, then newest',
      }),
    ),
    cursor: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1000,
        description: 'Opaque: the `nextCursor` of the previous page, with the same other parameters',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Page size (default 20)' })),
  },
  { additionalProperties: false },
);
export type ListArticlesQuery = Static<typeof ListArticlesQuerySchema>;

const MentionViewSchema = Type.Object({
  start: Type.Integer({ description: 'JavaScript string index into `text`' }),
  end: Type.Integer({ description: 'Exclusive end index into `text`' }),
  text: Type.String(),
  confidence: Nullable(Type.Number()),
});

export const ArticleViewSchema = Type.Object({
  id: event.articleId,
  version: event.version,
  status: event.status,
  pubStatus: event.pubStatus,
  sourceId: Type.String(),
  uri: Type.String({ description: 'The publisher’s identifier' }),
  headline: Type.String(),
  byline: Nullable(Type.String()),
  bodyHtml: Nullable(Type.String()),
  text: Type.String({
    description: 'Headline, a blank line, then the body as plain text; offsets index this',
  }),
  language: Type.String(),
  topics: Type.Array(Type.String()),
  keywords: Type.Array(Type.String()),
  versionCreated: Timestamp,
  firstCreated: Nullable(Timestamp),
  ingestedAt: Timestamp,
  indexedAt: Timestamp,
  clusterId: Nullable(
    Type.String({ description: 'Near-duplicate cluster: articles telling the same story share it' }),
  ),
  entities: Type.Array(
    Type.Object({
      id: Type.String({
        description:
          'Canonical id: a Wikidata QID; for a place without one, geonames:<id> or iso3166-2:<code>; else nf:<type>:<slug>',
      }),
      name: Type.String(),
      type: EntityTypeSchema,
      mentions: Type.Array(MentionViewSchema),
    }),
    { description: 'In order of first mention' },
  ),
});
export type ArticleView = Static<typeof ArticleViewSchema>;

export const ArticleSummarySchema = Type.Object({
  id: event.articleId,
  version: event.version,
  status: event.status,
  pubStatus: event.pubStatus,
  sourceId: Type.String(),
  uri: Type.String(),
  headline: Type.String(),
  language: Type.String(),
  topics: Type.Array(Type.String()),
  versionCreated: Timestamp,
  firstCreated: Nullable(Timestamp),
  indexedAt: Timestamp,
  clusterId: Nullable(Type.String()),
  score: Type.Optional(
    Type.Number({ description: 'Text rank (ts_rank) of the match; present when `q` is given' }),
  ),
});
export type ArticleSummary = Static<typeof ArticleSummarySchema>;

export const ArticlePageSchema = Type.Object({
  items: Type.Array(ArticleSummarySchema, { description: 'Latest versions; killed articles included' }),
  nextCursor: Nullable(Type.String({ description: 'Pass as `cursor` for the next page; null on the last' })),
});
export type ArticlePage = Static<typeof ArticlePageSchema>;

export const ArticleVersionSchema = Type.Object({
  version: event.version,
  status: event.status,
  pubStatus: event.pubStatus,
  headline: Type.String(),
  versionCreated: Timestamp,
  contentHash: Type.String({ description: 'SHA-256 of the normalised content the ingester compared' }),
  indexedAt: Timestamp,
});

export const ArticleVersionsSchema = Type.Object({
  id: event.articleId,
  versions: Type.Array(ArticleVersionSchema, { description: 'Every stored version, oldest first' }),
});
export type ArticleVersions = Static<typeof ArticleVersionsSchema>;

/** IPTC's schema, referred to (never copied): the ninjs answer validates against it. */
export const NINJS_SCHEMA_ID = 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#';
export const NinjsSchema = Type.Unsafe<Record<string, unknown>>({
  $ref: NINJS_SCHEMA_ID,
  description: 'IPTC ninjs 2.2 (News in JSON)',
});
