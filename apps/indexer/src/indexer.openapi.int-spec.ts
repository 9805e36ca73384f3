import { type INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { loadConfig } from '@newsflow/config';
import { Topics } from '@newsflow/contracts';
import { createKafka, parseBrokers } from '@newsflow/kafka';
import { registeredRoutes, startService, undocumentedRoutes } from '@newsflow/platform';
import { startGroupAtEnd, testEnv, uniqueSuffix } from '@newsflow/testing';
import { IndexerConfigSchema } from './indexer.config';
import { IndexerModule } from './indexer.module';
import { indexerOpenApiDocument, indexerOperations, servedAsyncApiDocument } from './indexer.openapi';

/**
 * The indexer with every role, so that every route any module registers is there: each one must be
 * in the OpenAPI document (add its operations to `<feature>.openapi.ts` and the collector).
 */
describe('indexer OpenAPI document', () => {
  const run = uniqueSuffix();
  const keyPrefix = `newsflow-it-docs-${run}`;
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    const config = loadConfig(IndexerConfigSchema, {
      KAFKA_BROKERS: testEnv.kafkaBrokers,
      DATABASE_URL: testEnv.databaseUrl,
      REDIS_URL: testEnv.redisUrl,
      REDIS_KEY_PREFIX: keyPrefix,
      KAFKA_CLIENT_ID_SUFFIX: `-it-docs-${run}`,
      INDEXER_GROUP_ID: `it-docs-${run}`,
      WEBHOOK_GROUP_ID: `it-docs-webhooks-${run}`,
      LOG_LEVEL: 'warn',
    });
    // Fresh groups would otherwise work through the topics' whole history, left there by other tests.
    const kafka = createKafka({ brokers: parseBrokers(testEnv.kafkaBrokers), clientId: `it-docs-${run}` });
    await startGroupAtEnd(kafka, config.INDEXER_GROUP_ID, Topics.enriched);
    await startGroupAtEnd(kafka, config.WEBHOOK_GROUP_ID, Topics.updates);
    app = await startService({
      name: 'indexer',
      module: IndexerModule.forRoot(config),
      host: '127.0.0.1',
      port: 0,
      logLevel: config.LOG_LEVEL,
    });
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    const redis = new Redis(testEnv.redisUrl);
    try {
      const keys = await redis.keys(`${keyPrefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
    } finally {
      await redis.quit();
    }
  });

  it('describes every route Fastify registered, and nothing that is not a route', () => {
    const routes = registeredRoutes(app);
    const registered = new Set(routes.map((r) => `${r.method} ${r.url}`));

    expect(registered).toContain('GET /v1/articles/:id');
    expect(undocumentedRoutes(routes, indexerOperations)).toEqual([]);
    expect(indexerOperations.map((o) => `${o.method} ${o.path}`).filter((r) => !registered.has(r))).toEqual(
      [],
    );
  });

  it('serves its OpenAPI document, the AsyncAPI document and the event schemas it refers to', async () => {
    const get = (path: string) => fetch(`${baseUrl}${path}`).then(async (r) => [r.status, await r.json()]);

    expect(await get('/openapi.json')).toEqual([200, indexerOpenApiDocument()]);
    expect(await get('/asyncapi.json')).toEqual([200, servedAsyncApiDocument()]);
    const committed = readFileSync(
      join(__dirname, '..', '..', '..', 'libs', 'contracts', 'schemas', 'news.updates.v1.json'),
      'utf8',
    );
    expect(await get('/schemas/news.updates.v1.json')).toEqual([200, JSON.parse(committed)]);
    expect((await get('/schemas/secrets.json'))[0]).toBe(404);
  });
});
