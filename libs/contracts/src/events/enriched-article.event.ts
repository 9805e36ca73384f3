import { Type, type Static } from '@sinclair/typebox';
import {
  ArticleId,
  ClusterId,
  EntityType,
  EventId,
  IngestStatus,
  PubStatus,
  Timestamp,
  Version,
} from './common';

export const MentionSchema = Type.Object(
  {
    start: Type.Integer({ minimum: 0, description: 'JavaScript string index into `text`' }),
    end: Type.Integer({ minimum: 1, description: 'Exclusive end index into `text`' }),
    text: Type.String({ minLength: 1 }),
    confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  { additionalProperties: false },
);

export const TaggedEntitySchema = Type.Object(
  {
    id: Type.String({
      minLength: 1,
      description:
        'Canonical id: a Wikidata QID (Q64); for a place without one, a GeoNames id (geonames:2988507) or an ISO 3166-2 code (iso3166-2:US-TX); else nf:<type>:<slug>',
    }),
    name: Type.String({ minLength: 1 }),
    type: EntityType,
    mentions: Type.Array(MentionSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export const TopicDetailSchema = Type.Object(
  {
    code: Type.String({ pattern: '^medtop:[0-9]{8}$', description: 'IPTC Media Topic qcode' }),
    label: Type.String({ minLength: 1, description: "The topic's English IPTC label" }),
    score: Type.Number({ minimum: 0, description: 'Cue weight per 100 words, plus headline cues' }),
    cues: Type.Array(Type.String(), { description: 'The lexicon cues that fired, strongest first' }),
  },
  { additionalProperties: false },
);

/** news.enriched.v1 — the raw article plus clean text, language and entities. Keyed by articleId. */
export const EnrichedArticleEventSchema = Type.Object(
  {
    schema: Type.Literal('newsflow.enriched-article.v1'),
    eventId: EventId,
    rawEventId: EventId,
    articleId: ArticleId,
    version: Version,
    status: IngestStatus,
    sourceId: Type.String({ minLength: 1 }),
    uri: Type.String({ minLength: 1, maxLength: 2048 }),
    headline: Type.String({ maxLength: 1000 }),
    bodyHtml: Type.Optional(Type.String()),
    byline: Type.Optional(Type.String({ maxLength: 1000 })),
    text: Type.String({
      description: 'Headline, a blank line, then the body as plain text; offsets index this',
    }),
    language: Type.String({ maxLength: 35, description: 'ISO 639-1 code, or "und"' }),
    pubStatus: PubStatus,
    versionCreated: Timestamp,
    firstCreated: Type.Optional(Timestamp),
    contentHash: Type.String({ pattern: '^[a-f0-9]{64}$' }),
    clusterId: Type.Optional(ClusterId),
    entities: Type.Array(TaggedEntitySchema),
    topics: Type.Array(Type.String(), {
      description: 'Top-level IPTC Media Topic qcodes (medtop:01000000 … medtop:17000000), best first',
    }),
    topicDetails: Type.Optional(
      Type.Array(TopicDetailSchema, { description: 'Why each of `topics` was assigned, in the same order' }),
    ),
    keywords: Type.Array(Type.String()),
    ingestedAt: Timestamp,
    enrichedAt: Timestamp,
  },
  {
    $id: 'https://newsflow.dev/schemas/news.enriched.v1.json',
    title: 'EnrichedArticleEvent',
    additionalProperties: false,
  },
);
export type EnrichedArticleEvent = Static<typeof EnrichedArticleEventSchema>;
export type TaggedEntity = Static<typeof TaggedEntitySchema>;
export type Mention = Static<typeof MentionSchema>;
export type TopicDetail = Static<typeof TopicDetailSchema>;
