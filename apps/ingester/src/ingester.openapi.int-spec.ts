import { registeredRoutes, undocumentedRoutes } from '@newsflow/platform';
import { uniqueSuffix } from '@newsflow/testing';
import { ingesterOpenApiDocument, ingesterOperations } from './ingester.openapi';
import { startTestIngester, type TestIngester } from './testing/test-ingester';

/** Every route the ingester registers must be in its OpenAPI document (`<feature>.openapi.ts`). */
describe('ingester OpenAPI document', () => {
  let ingester: TestIngester;

  beforeAll(async () => {
    ingester = await startTestIngester(`docs-${uniqueSuffix()}`);
  });

  afterAll(async () => {
    await ingester?.stop();
  });

  it('describes every route Fastify registered, and nothing that is not a route', () => {
    const routes = registeredRoutes(ingester.app);
    const registered = new Set(routes.map((r) => `${r.method} ${r.url}`));

    expect(registered).toContain('POST /v1/articles');
    expect(undocumentedRoutes(routes, ingesterOperations)).toEqual([]);
    expect(ingesterOperations.map((o) => `${o.method} ${o.path}`).filter((r) => !registered.has(r))).toEqual(
      [],
    );
  });

  it('serves the document at /openapi.json', async () => {
    const response = await fetch(`${ingester.baseUrl}/openapi.json`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(ingesterOpenApiDocument());
  });
});
