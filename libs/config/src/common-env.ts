import { Type } from '@sinclair/typebox';

/** Environment variables every service reads. Each app's schema composes these with its own. */
export const KafkaEnv = {
  KAFKA_BROKERS: Type.String({
    default: '127.0.0.1:9092',
    minLength: 1,
    description: 'Comma-separated Kafka bootstrap servers (host:port)',
  }),
  KAFKA_CLIENT_ID_SUFFIX: Type.String({
    default: '',
    description: 'Appended to the Kafka client id, to tell instances apart in broker logs',
  }),
};

export const DatabaseEnv = {
  DATABASE_URL: Type.String({
    default: 'postgres://postgres@127.0.0.1:5432/newsflow',
    pattern: '^postgres(ql)?://',
    description: 'PostgreSQL connection URL',
  }),
  DATABASE_POOL_SIZE: Type.Integer({
    default: 10,
    minimum: 1,
    maximum: 200,
    description: 'Connection pool size',
  }),
};

export const LogEnv = {
  LOG_LEVEL: Type.Union(
    [
      Type.Literal('error'),
      Type.Literal('warn'),
      Type.Literal('log'),
      Type.Literal('debug'),
      Type.Literal('verbose'),
    ],
    { default: 'log', description: 'Lowest Nest log level printed' },
  ),
};

export const port = (defaultPort: number, description: string) =>
  Type.Integer({ default: defaultPort, minimum: 1, maximum: 65535, description });

/**
 * Redis for a service's BullMQ queues (`what`: what the service queues there), and the key prefix
 * that lets several stacks share one db.
 */
export const bullmqRedisEnv = (what: string) => ({
  REDIS_URL: Type.String({
    default: 'redis://127.0.0.1:6379/0',
    pattern: '^rediss?://',
    description: `Redis for ${what}; the db index tells profiles apart (dev 0, test 1)`,
  }),
  REDIS_KEY_PREFIX: Type.String({
    default: 'newsflow',
    pattern: '^[A-Za-z0-9._-]+$',
    description: 'Prefix of every BullMQ key, so that several stacks or test runs can share one Redis db',
  }),
});

/** Hosts a service may reach although they are private (`urls`: which URLs the guard checks). */
export const outboundAllowlistEnv = (urls: string) => ({
  NEWSFLOW_OUTBOUND_ALLOWLIST: Type.Optional(
    Type.String({
      description: `Comma-separated host names, IPs or CIDRs exempt from the private-address guard on ${urls} (local stacks and tests name 127.0.0.1)`,
    }),
  ),
});
