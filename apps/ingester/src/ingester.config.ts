import { Type, type Static } from '@sinclair/typebox';
import { DatabaseEnv, KafkaEnv, LogEnv, bullmqRedisEnv, outboundAllowlistEnv, port } from '@newsflow/config';

export const IngesterConfigSchema = Type.Object({
  INGESTER_PORT: port(3001, 'HTTP port of the ingester'),
  HOST: Type.String({
    default: '127.0.0.1',
    description: 'Interface the HTTP server binds to (0.0.0.0 in containers)',
  }),
  ...KafkaEnv,
  ...DatabaseEnv,
  ...LogEnv,
  NEWSFLOW_DEV_API_KEY: Type.Optional(
    Type.String({
      minLength: 16,
      description: 'When set, a development source with this API key is registered',
    }),
  ),
  NEWSFLOW_ADMIN_API_KEY: Type.Optional(
    Type.String({
      minLength: 16,
      description: 'Bearer key for the source administration routes (/v1/sources)',
    }),
  ),
  INGEST_MAX_BODY_BYTES: Type.Integer({
    default: 5 * 1024 * 1024,
    minimum: 1024,
    description: 'Largest push body accepted; larger ones get 413',
  }),
  INGEST_MAX_BATCH: Type.Integer({
    default: 500,
    minimum: 1,
    maximum: 5000,
    description: 'Most articles in one push',
  }),
  ...bullmqRedisEnv('BullMQ feed polling jobs'),
  ...outboundAllowlistEnv('feed URLs'),
  FEED_MIN_INTERVAL_SECONDS: Type.Integer({
    default: 60,
    minimum: 1,
    maximum: 86_400,
    description: 'Shortest polling interval a feed may ask for',
  }),
  FEED_DEFAULT_INTERVAL_SECONDS: Type.Integer({
    default: 300,
    minimum: 1,
    maximum: 86_400,
    description: 'Polling interval of a feed registered without one (raised to the minimum if lower)',
  }),
  FEED_MAX_FAILURES: Type.Integer({
    default: 10,
    minimum: 1,
    description: 'Consecutive failed polls after which a feed is disabled',
  }),
  FEED_POLL_CONCURRENCY: Type.Integer({
    default: 10,
    minimum: 1,
    maximum: 1000,
    description: 'Feeds polled at the same time by one ingester instance',
  }),
  FEED_PER_HOST_CONCURRENCY: Type.Integer({
    default: 2,
    minimum: 1,
    maximum: 100,
    description: 'Concurrent fetches to one host by one ingester instance',
  }),
});

export type IngesterConfig = Static<typeof IngesterConfigSchema>;
export const INGESTER_CONFIG = Symbol('INGESTER_CONFIG');
