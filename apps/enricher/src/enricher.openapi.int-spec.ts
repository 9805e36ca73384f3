import { type INestApplication } from '@nestjs/common';
import { loadConfig } from '@newsflow/config';
import { Topics } from '@newsflow/contracts';
import { createKafka, parseBrokers } from '@newsflow/kafka';
import { registeredRoutes, startService, undocumentedRoutes } from '@newsflow/platform';
import { startGroupAtEnd, testEnv, uniqueSuffix } from '@newsflow/testing';
import { EnricherConfigSchema } from './enricher.config';
import { EnricherModule } from './enricher.module';
import { enricherOpenApiDocument, enricherOperations } from './enricher.openapi';

/** Every route the enricher registers must be in its OpenAPI document. */
describe('enricher OpenAPI document', () => {
  const run = uniqueSuffix();
  let app: INestApplication;

  beforeAll(async () => {
    const config = loadConfig(EnricherConfigSchema, {
      KAFKA_BROKERS: testEnv.kafkaBrokers,
      KAFKA_CLIENT_ID_SUFFIX: `-it-docs-${run}`,
      ENRICHER_GROUP_ID: `it-docs-${run}`,
      LOG_LEVEL: 'warn',
    });
    // A fresh group would otherwise enrich the topic's whole history, left there by other tests.
    const kafka = createKafka({ brokers: parseBrokers(testEnv.kafkaBrokers), clientId: `it-docs-${run}` });
    await startGroupAtEnd(kafka, config.ENRICHER_GROUP_ID, Topics.raw);
    app = await startService({
      name: 'enricher',
      module: EnricherModule.forRoot(config),
      host: '127.0.0.1',
      port: 0,
      logLevel: config.LOG_LEVEL,
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('describes every route Fastify registered, and serves the document at /openapi.json', async () => {
    const routes = registeredRoutes(app);

    expect(routes.map((r) => `${r.method} ${r.url}`)).toContain('GET /health');
    expect(undocumentedRoutes(routes, enricherOperations)).toEqual([]);
    const response = await fetch(`${await app.getUrl()}/openapi.json`);
    expect(await response.json()).toEqual(enricherOpenApiDocument());
  });
});
