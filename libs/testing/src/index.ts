export { ServiceProcess } from './service-process';
export { TopicReader, type ReadMessage } from './topic-reader';
export { eventually, sleep, testEnv, uniqueSuffix } from './test-env';
export { enrichedArticleEvent, randomArticleId, type EnrichedArticleSpec } from './enriched-article.factory';
export { readToEnd, startGroupAtEnd } from './topic-offsets';
export { WebhookReceiver, type ReceivedWebhook } from './webhook-receiver';
export { deleteRedisKeys } from './redis-keys';
