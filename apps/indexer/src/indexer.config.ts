import { Type, type Static } from '@sinclair/typebox';
import { DatabaseEnv, KafkaEnv, LogEnv, bullmqRedisEnv, outboundAllowlistEnv, port } from '@newsflow/config';

export const IndexerConfigSchema = Type.Object({
  INDEXER_PORT: port(3003, 'HTTP port of the indexer (read API, health, metrics)'),
  HOST: Type.String({
    default: '127.0.0.1',
    description: 'Interface the HTTP server binds to (0.0.0.0 in containers)',
  }),
  ...KafkaEnv,
  ...DatabaseEnv,
  ...LogEnv,
  INDEXER_GROUP_ID: Type.String({
    default: 'newsflow-indexer',
    minLength: 1,
    description: 'Kafka consumer group; every indexer instance of one deployment shares it',
  }),
  OUTBOX_RETENTION_HOURS: Type.Integer({
    default: 168,
    minimum: 1,
    description:
      'Published outbox rows (the update log the live stream resumes from) are deleted after this many hours',
  }),
  OUTBOX_POLL_MS: Type.Integer({
    default: 1000,
    minimum: 50,
    description: 'How often the outbox relay looks for unpublished events it was not told about',
  }),
  INDEXER_ROLES: Type.String({
    default: 'api,indexing,relay,webhooks',
    pattern: '^\\s*(api|indexing|relay|webhooks)\\s*(,\\s*(api|indexing|relay|webhooks)\\s*)*$',
    description:
      'What this process runs (comma list): api (HTTP routes), indexing (news.enriched.v1 consumer), relay (outbox → news.updates.v1), webhooks (dispatcher and delivery worker); health and metrics always',
  }),
  ...bullmqRedisEnv('the BullMQ webhook delivery queue'),
  ...outboundAllowlistEnv('webhook URLs'),
  WEBHOOK_GROUP_ID: Type.String({
    default: 'newsflow-webhooks',
    minLength: 1,
    description: 'Kafka consumer group of the webhook dispatcher (news.updates.v1)',
  }),
  WEBHOOK_MAX_ATTEMPTS: Type.Integer({
    default: 15,
    minimum: 1,
    maximum: 100,
    description: 'HTTP attempts per delivery before it is dead-lettered and its subscription disabled',
  }),
  WEBHOOK_BACKOFF_BASE_MS: Type.Integer({
    default: 5_000,
    minimum: 1,
    description:
      'First retry delay; doubles per attempt with ±20 % jitter (5 s × 2^0…2^13 ≈ 23 h over 15 attempts)',
  }),
  WEBHOOK_TIMEOUT_MS: Type.Integer({
    default: 10_000,
    minimum: 100,
    maximum: 120_000,
    description: 'Whole-request timeout of one delivery attempt',
  }),
  WEBHOOK_CONCURRENCY: Type.Integer({
    default: 20,
    minimum: 1,
    maximum: 1000,
    description: 'Deliveries in flight per indexer process',
  }),
  WEBHOOK_LOCK_MS: Type.Integer({
    default: 30_000,
    minimum: 1_000,
    description:
      'BullMQ job lock: a delivery whose worker died is taken over by another worker after about this long',
  }),
  WEBHOOK_ORDER_WAIT_MS: Type.Integer({
    default: 60_000,
    minimum: 100,
    description:
      'How long a delivery waiting for an earlier version of its article sleeps before it looks again (it is woken earlier when that version is delivered)',
  }),
  SUBSCRIPTION_SECRET_GRACE_SECONDS: Type.Integer({
    default: 86_400,
    minimum: 0,
    description: 'After a secret rotation, how long the old secret still signs deliveries too',
  }),
  SUBSCRIPTION_REFRESH_MS: Type.Integer({
    default: 2_000,
    minimum: 100,
    description: 'How often the matching index picks up subscriptions changed on other indexer instances',
  }),
  STREAM_POLL_MS: Type.Integer({
    default: 100,
    minimum: 10,
    description: 'How often the live stream reads newly published updates from the update log',
  }),
  STREAM_HEARTBEAT_MS: Type.Integer({
    default: 15_000,
    minimum: 100,
    description: 'Interval of the comment lines that keep idle live-stream connections open',
  }),
  STREAM_MAX_BUFFER_BYTES: Type.Integer({
    default: 1_048_576,
    minimum: 1_024,
    description: 'Unsent bytes a live-stream client may fall behind by before it is cut off',
  }),
  STREAM_DRAIN_TIMEOUT_MS: Type.Integer({
    default: 30_000,
    minimum: 100,
    description: 'How long a replaying live-stream client may take to read a full buffer',
  }),
  STREAM_RECENT_UPDATES: Type.Integer({
    default: 5_000,
    minimum: 1,
    description:
      'Newest updates the live stream keeps in memory, so reconnecting clients rarely need the database',
  }),
  STREAM_MAX_CLIENTS: Type.Integer({
    default: 1_000,
    minimum: 1,
    description: 'Live-stream connections one indexer instance serves; more get 503',
  }),
});

export type IndexerConfig = Static<typeof IndexerConfigSchema>;

export type IndexerRole = 'api' | 'indexing' | 'relay' | 'webhooks';

/** The roles INDEXER_ROLES names (validated by the schema's pattern). */
export function indexerRoles(config: Pick<IndexerConfig, 'INDEXER_ROLES'>): Set<IndexerRole> {
  return new Set(config.INDEXER_ROLES.split(',').map((role) => role.trim() as IndexerRole));
}
export const INDEXER_CONFIG = Symbol('INDEXER_CONFIG');
