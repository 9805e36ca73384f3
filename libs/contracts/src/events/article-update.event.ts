import { Type, type Static } from '@sinclair/typebox';
import { ArticleId, ClusterId, EventId, PubStatus, Timestamp, Version } from './common';

/** news.updates.v1 — what downstream consumers follow: one event per stored article version. */
export const ArticleUpdateEventSchema = Type.Object(
  {
    schema: Type.Literal('newsflow.article-update.v1'),
    eventId: EventId,
    kind: Type.Union([Type.Literal('created'), Type.Literal('updated'), Type.Literal('killed')]),
    articleId: ArticleId,
    version: Version,
    sourceId: Type.String({ minLength: 1 }),
    uri: Type.String(),
    headline: Type.String(),
    language: Type.String(),
    pubStatus: PubStatus,
    entityIds: Type.Array(Type.String()),
    topics: Type.Array(Type.String()),
    changes: Type.Optional(
      Type.Array(
        Type.Union(
          ['headline', 'body', 'byline', 'pubStatus', 'language', 'topics', 'entities'].map((field) =>
            Type.Literal(field),
          ),
        ),
        {
          description:
            'Fields that differ from the previous stored version ([] for a created article); absent in events written before this field existed',
        },
      ),
    ),
    clusterId: Type.Optional(ClusterId),
    versionCreated: Timestamp,
    ingestedAt: Timestamp,
    indexedAt: Timestamp,
  },
  {
    $id: 'https://newsflow.dev/schemas/news.updates.v1.json',
    title: 'ArticleUpdateEvent',
    additionalProperties: false,
  },
);
export type ArticleUpdateEvent = Static<typeof ArticleUpdateEventSchema>;
