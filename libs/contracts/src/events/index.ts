import { createValidator } from '../validation';
import { ArticleUpdateEventSchema } from './article-update.event';
import { EnrichedArticleEventSchema } from './enriched-article.event';
import { RawArticleEventSchema } from './raw-article.event';

export * from './article-update.event';
export * from './enriched-article.event';
export * from './raw-article.event';

export const validateRawArticleEvent = createValidator(RawArticleEventSchema);
export const validateEnrichedArticleEvent = createValidator(EnrichedArticleEventSchema);
export const validateArticleUpdateEvent = createValidator(ArticleUpdateEventSchema);

/** Every event schema, by topic: the JSON Schema files under libs/contracts/schemas are generated from this. */
export const EventSchemasByTopic = {
  'news.raw.v1': RawArticleEventSchema,
  'news.enriched.v1': EnrichedArticleEventSchema,
  'news.updates.v1': ArticleUpdateEventSchema,
} as const;
