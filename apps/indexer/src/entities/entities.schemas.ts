import { Type, type Static } from '@sinclair/typebox';
import { ArticleSummarySchema, EntityTypeSchema } from '../articles/articles.schemas';

export const ENTITY_SEARCH_DEFAULT_LIMIT = 10;

export const EntitySearchQuerySchema = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Start of a name or alias (any surface form the entity was tagged as), case-insensitive',
    }),
    type: Type.Optional(Type.Union(EntityTypeSchema.anyOf, { description: 'Only entities of this type' })),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100,
        description: `At most this many (default ${ENTITY_SEARCH_DEFAULT_LIMIT})`,
      }),
    ),
  },
  { additionalProperties: false },
);
export type EntitySearchQuery = Static<typeof EntitySearchQuerySchema>;

export const EntityIdParamsSchema = Type.Object(
  {
    id: Type.String({
      minLength: 1,
      maxLength: 300,
      description:
        'Canonical id: a Wikidata QID (Q64), for a place without one geonames:<id> or iso3166-2:<code>, else nf:<type>:<slug>; percent-encode it in the path',
    }),
  },
  { additionalProperties: false },
);

const Counts = {
  articleCount: Type.Integer({ minimum: 0, description: 'Articles whose latest version mentions it' }),
  mentionCount: Type.Integer({ minimum: 0, description: 'Its mentions in those latest versions' }),
};

export const EntityMatchSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: EntityTypeSchema,
  aliases: Type.Array(Type.String(), {
    description: 'Surface forms it was tagged as (up to 20)',
  }),
  ...Counts,
});
export type EntityMatch = Static<typeof EntityMatchSchema>;

export const EntityMatchesSchema = Type.Object({
  items: Type.Array(EntityMatchSchema, {
    description: 'Most-mentioned first (by article count), then by name',
  }),
});
export type EntityMatches = Static<typeof EntityMatchesSchema>;

export const EntityDetailsSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: EntityTypeSchema,
  ids: Type.Object({
    uri: Type.String({ format: 'uri', description: 'As in ninjs: Wikidata’s entity URI or a Newsflow URN' }),
    wikidata: Type.Union([Type.String({ pattern: '^Q[1-9][0-9]*$' }), Type.Null()]),
  }),
  aliases: EntityMatchSchema.properties.aliases,
  ...Counts,
  latestArticles: Type.Array(ArticleSummarySchema, {
    description: 'The 10 latest articles mentioning it (latest versions, newest first)',
  }),
});
export type EntityDetails = Static<typeof EntityDetailsSchema>;
