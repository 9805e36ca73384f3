import { type INestApplication } from '@nestjs/common';
import { loadConfig } from '@newsflow/config';
import { Topics } from '@newsflow/contracts';
import { createKafka, parseBrokers } from '@newsflow/kafka';
import { startService } from '@newsflow/platform';
import { deleteRedisKeys, startGroupAtEnd, testEnv } from '@newsflow/testing';
import { IndexerConfigSchema, type IndexerConfig } from '../indexer.config';
import { IndexerModule } from '../indexer.module';

export interface TestIndexer {
  app: INestApplication;
  baseUrl: string;
  config: IndexerConfig;
  /** Closes the app and deletes the BullMQ keys it made. */
  stop(): Promise<void>;
}

/**
 * The real indexer, in-process, for integration specs: on any free port, against the test
 * infrastructure, with consumer groups and BullMQ keys of its own (named after `name`, which must be
 * unique per run), so specs running side by side never take each other's messages or jobs. Its
 * groups start at the end of their topics: a fresh group would otherwise work through the whole
 * history other tests left there. `env` overrides anything, INDEXER_ROLES included.
 */
export async function startTestIndexer(name: string, env: Record<string, string> = {}): Promise<TestIndexer> {
  const keyPrefix = `newsflow-it-${name}`;
  const config = loadConfig(IndexerConfigSchema, {
    KAFKA_BROKERS: testEnv.kafkaBrokers,
    DATABASE_URL: testEnv.databaseUrl,
    REDIS_URL: testEnv.redisUrl,
    REDIS_KEY_PREFIX: keyPrefix,
    KAFKA_CLIENT_ID_SUFFIX: `-it-${name}`,
    INDEXER_GROUP_ID: `it-${name}-indexer`,
    WEBHOOK_GROUP_ID: `it-${name}-webhooks`,
    LOG_LEVEL: 'warn',
    ...env,
  });
  const kafka = createKafka({ brokers: parseBrokers(config.KAFKA_BROKERS), clientId: `it-${name}` });
  await startGroupAtEnd(kafka, config.INDEXER_GROUP_ID, Topics.enriched);
  await startGroupAtEnd(kafka, config.WEBHOOK_GROUP_ID, Topics.updates);
  const app = await startService({
    name: 'indexer',
    module: IndexerModule.forRoot(config),
    host: '127.0.0.1',
    port: 0, // any free port (the config schema only takes 1..65535)
    logLevel: config.LOG_LEVEL,
  });
  return {
    app,
    baseUrl: await app.getUrl(),
    config,
    stop: async () => {
      await app.close();
      await deleteRedisKeys(keyPrefix);
    },
  };
}
