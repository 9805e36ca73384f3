import { Type } from '@sinclair/typebox';
import {
  buildOpenApiDocument,
  toOpenApiPath,
  undocumentedRoutes,
  type ApiOperation,
} from './openapi-document';

const info = { title: 'test', version: '1.0.0', description: 'test service', server: 'http://127.0.0.1:1' };

const getThing: ApiOperation = {
  method: 'GET',
  path: '/v1/things/:id',
  operationId: 'getThing',
  summary: 'A thing',
  tags: ['things'],
  security: ['apiKey'],
  params: Type.Object({ id: Type.String({ description: 'Thing id', pattern: '^[a-z]+$' }) }),
  query: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1 })) }),
  responses: {
    200: { description: 'ok', content: { 'application/json': Type.Object({ id: Type.String() }) } },
  },
};

describe(buildOpenApiDocument.name, () => {
  it('turns an operation into an OpenAPI 3.1 path item with its parameters, security and plain schemas', () => {
    const document = buildOpenApiDocument(info, [getThing]);

    expect(document).toMatchObject({
      openapi: '3.1.0',
      servers: [{ url: 'http://127.0.0.1:1' }],
      tags: [{ name: 'things' }],
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
    });
    const paths = document.paths as Record<string, Record<string, Record<string, unknown>>>;
    expect(Object.keys(paths)).toEqual(['/v1/things/{id}']);
    expect(paths['/v1/things/{id}'].get).toEqual({
      operationId: 'getThing',
      summary: 'A thing',
      tags: ['things'],
      security: [{ apiKey: [] }],
      parameters: [
        {
          name: 'id',
          in: 'path',
          required: true,
          description: 'Thing id',
          schema: { type: 'string', pattern: '^[a-z]+$' },
        },
        { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } },
      ],
      responses: {
        200: {
          description: 'ok',
          content: {
            'application/json': {
              schema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
            },
          },
        },
      },
    });
  });

  it('refuses an operation described twice, and path parameters that do not match the route', () => {
    expect(() => buildOpenApiDocument(info, [getThing, { ...getThing, operationId: 'other' }])).toThrow(
      'GET /v1/things/:id is described twice',
    );
    expect(() =>
      buildOpenApiDocument(info, [{ ...getThing, params: Type.Object({ thingId: Type.String() }) }]),
    ).toThrow(/path parameters \[thingId\] do not match the route/);
  });
});

describe(toOpenApiPath.name, () => {
  it('writes route parameters the OpenAPI way', () => {
    expect(toOpenApiPath('/v1/sources/:id/keys/:keyId')).toBe('/v1/sources/{id}/keys/{keyId}');
  });
});

describe(undocumentedRoutes.name, () => {
  it('names registered routes no operation describes, ignoring the HEAD route Fastify adds beside a GET', () => {
    const routes = [
      { method: 'GET', url: '/v1/things/:id' },
      { method: 'HEAD', url: '/v1/things/:id' },
      { method: 'DELETE', url: '/v1/things/:id' },
      { method: 'HEAD', url: '/only-head' },
    ];

    expect(undocumentedRoutes(routes, [getThing])).toEqual(['DELETE /v1/things/:id', 'HEAD /only-head']);
  });
});
