import { Type, type Static } from '@sinclair/typebox';
import { ArticleId, ClusterId, EventId, IngestStatus, PubStatus, Timestamp, Version } from './common';

/** news.raw.v1 — one normalised article version as the ingester accepted it. Keyed by articleId. */
export const RawArticleEventSchema = Type.Object(
  {
    schema: Type.Literal('newsflow.raw-article.v1'),
    eventId: EventId,
    articleId: ArticleId,
    version: Version,
    status: IngestStatus,
    sourceId: Type.String({ minLength: 1 }),
    uri: Type.String({ minLength: 1, maxLength: 2048 }),
    headline: Type.String({ maxLength: 1000 }),
    bodyHtml: Type.Optional(Type.String()),
    bodyText: Type.Optional(Type.String()),
    byline: Type.Optional(Type.String({ maxLength: 1000 })),
    language: Type.Optional(Type.String({ maxLength: 35 })),
    pubStatus: PubStatus,
    versionCreated: Timestamp,
    firstCreated: Type.Optional(Timestamp),
    contentHash: Type.String({ pattern: '^[a-f0-9]{64}$' }),
    clusterId: Type.Optional(ClusterId),
    ingestedAt: Timestamp,
  },
  {
    $id: 'https://newsflow.dev/schemas/news.raw.v1.json',
    title: 'RawArticleEvent',
    additionalProperties: false,
  },
);
export type RawArticleEvent = Static<typeof RawArticleEventSchema>;
