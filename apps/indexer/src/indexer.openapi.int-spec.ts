import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registeredRoutes, undocumentedRoutes } from '@newsflow/platform';
import { uniqueSuffix } from '@newsflow/testing';
import { indexerOpenApiDocument, indexerOperations, servedAsyncApiDocument } from './indexer.openapi';
import { startTestIndexer, type TestIndexer } from './testing/test-indexer';

/**
 * The indexer with every role, so that every route any module registers is there: each one must be
 * in the OpenAPI document (add its operations to `<feature>.openapi.ts` and the collector).
 */
describe('indexer OpenAPI document', () => {
  const run = uniqueSuffix();
  let indexer: TestIndexer;
  let baseUrl: string;

  beforeAll(async () => {
    indexer = await startTestIndexer(`docs-${run}`);
    baseUrl = indexer.baseUrl;
  });

  afterAll(async () => {
    await indexer?.stop();
  });

  it('describes every route Fastify registered, and nothing that is not a route', () => {
    const routes = registeredRoutes(indexer.app);
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
