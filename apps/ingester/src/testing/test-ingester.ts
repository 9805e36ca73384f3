import { type INestApplication } from '@nestjs/common';
import { loadConfig } from '@newsflow/config';
import { startService } from '@newsflow/platform';
import { deleteRedisKeys, testEnv } from '@newsflow/testing';
import { IngesterConfigSchema } from '../ingester.config';
import { IngesterModule } from '../ingester.module';

export interface TestIngester {
  app: INestApplication;
  baseUrl: string;
  /** Closes the app and deletes the BullMQ keys it made. */
  stop(): Promise<void>;
}

/**
 * The real ingester, in-process, for integration specs: on any free port, against the test
 * infrastructure (test database, Redis db and broker), with BullMQ keys under a prefix of its own so
 * that specs running side by side never take each other's jobs.
 */
export async function startTestIngester(
  name: string,
  env: Record<string, string> = {},
): Promise<TestIngester> {
  const keyPrefix = `newsflow-it-${name}`;
  const config = loadConfig(IngesterConfigSchema, {
    KAFKA_BROKERS: testEnv.kafkaBrokers,
    DATABASE_URL: testEnv.databaseUrl,
    REDIS_URL: testEnv.redisUrl,
    REDIS_KEY_PREFIX: keyPrefix,
    KAFKA_CLIENT_ID_SUFFIX: `-it-${name}`,
    LOG_LEVEL: 'warn',
    ...env,
  });
  // Any free port (the config schema only takes 1..65535).
  const app = await startService({ ...IngesterModule.serviceOptions(config), host: '127.0.0.1', port: 0 });
  return {
    app,
    baseUrl: await app.getUrl(),
    stop: async () => {
      await app.close();
      await deleteRedisKeys(keyPrefix);
    },
  };
}
