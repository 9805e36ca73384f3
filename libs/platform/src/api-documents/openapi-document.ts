import { type TObject, type TSchema } from '@sinclair/typebox';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call an operation: the security schemes every Newsflow service document declares. */
export type ApiSecurity = 'apiKey' | 'adminKey';

export interface ApiResponse {
  description: string;
  /** Body schemas by media type. */
  content?: Record<string, TSchema>;
  headers?: Record<string, { description: string; schema: TSchema }>;
}

/**
 * One HTTP operation, described with the TypeBox schemas the code validates requests with (and the
 * ones its responses are typed by), so that the document cannot say something the code does not do.
 * Each feature folder exports its operations from `<feature>.openapi.ts`; one collector per app joins
 * them into the app's document.
 */
export interface ApiOperation {
  method: HttpMethod;
  /** The route as Nest registers it with Fastify (`/v1/articles/:id`). */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security?: ApiSecurity[];
  /** Path parameters: an object schema whose properties are the `:names` of `path`. */
  params?: TObject;
  query?: TObject;
  headers?: TObject;
  body?: { description?: string; required?: boolean; content: Record<string, TSchema> };
  responses: Record<number, ApiResponse>;
}

export interface OpenApiInfo {
  title: string;
  version: string;
  description: string;
  /** Where the service listens by default (its fixed port). */
  server: string;
}

export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

const SECURITY_SCHEMES: Record<ApiSecurity, JsonObject> = {
  apiKey: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A source API key: `Authorization: Bearer <api key>`. With NEWSFLOW_DEV_API_KEY set, that key is accepted too.',
  },
  adminKey: {
    type: 'http',
    scheme: 'bearer',
    description: 'The administration key: `Authorization: Bearer <NEWSFLOW_ADMIN_API_KEY>`.',
  },
};

/** A TypeBox schema as plain JSON: its symbol keys (Kind, Optional) dropped. */
export const plainSchema = (schema: TSchema): JsonObject => JSON.parse(JSON.stringify(schema)) as JsonObject;

/** `/v1/articles/:id` → `/v1/articles/{id}` */
export const toOpenApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function parameters(location: 'path' | 'query' | 'header', schema: TObject | undefined): JsonObject[] {
  if (!schema) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, property]) => {
    const { description, ...rest } = plainSchema(property);
    return {
      name,
      in: location,
      required: location === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

const contentOf = (content: Record<string, TSchema>): JsonObject =>
  Object.fromEntries(
    Object.entries(content).map(([mediaType, schema]) => [mediaType, { schema: plainSchema(schema) }]),
  );

function operationObject(operation: ApiOperation): JsonObject {
  const responses: JsonObject = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(response.headers).map(([name, header]) => [
                name,
                { description: header.description, schema: plainSchema(header.schema) },
              ]),
            ),
          }
        : {}),
      ...(response.content ? { content: contentOf(response.content) } : {}),
    };
  }
  const params = [
    ...parameters('path', operation.params),
    ...parameters('query', operation.query),
    ...parameters('header', operation.headers),
  ];
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: operation.tags,
    ...(operation.security ? { security: operation.security.map((scheme) => ({ [scheme]: [] })) } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(operation.body
      ? {
          requestBody: {
            ...(operation.body.description ? { description: operation.body.description } : {}),
            required: operation.body.required ?? true,
            content: contentOf(operation.body.content),
          },
        }
      : {}),
    responses,
  };
}

/**
 * The OpenAPI 3.1 document of one service. Paths and methods come out sorted, so the committed file
 * only changes when an operation does. Throws on an operation listed twice or on path parameters that
 * do not match the route, so a mistake fails the drift test rather than publishing a wrong document.
 */
export function buildOpenApiDocument(info: OpenApiInfo, operations: ApiOperation[]): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  const operationIds = new Set<string>();
  for (const operation of [...operations].sort((a, b) =>
    `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`),
  )) {
    const path = toOpenApiPath(operation.path);
    const method = operation.method.toLowerCase();
    if (paths[path]?.[method]) throw new Error(`${operation.method} ${operation.path} is described twice`);
    if (operationIds.has(operation.operationId))
      throw new Error(`operationId ${operation.operationId} is used twice`);
    operationIds.add(operation.operationId);
    const routeParams = [...operation.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]).sort();
    const described = Object.keys(operation.params?.properties ?? {}).sort();
    if (routeParams.join() !== described.join()) {
      throw new Error(
        `${operation.method} ${operation.path}: path parameters [${described.join()}] do not match the route`,
      );
    }
    paths[path] = { ...paths[path], [method]: operationObject(operation) };
  }
  const tags = [...new Set(operations.flatMap((o) => o.tags))].sort().map((name) => ({ name }));
  const usedSchemes = [...new Set(operations.flatMap((o) => o.security ?? []))].sort();
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, description: info.description },
    servers: [{ url: info.server }],
    tags,
    paths,
    components: {
      securitySchemes: Object.fromEntries(usedSchemes.map((scheme) => [scheme, SECURITY_SCHEMES[scheme]])),
    },
  };
}

/** The form a document is committed in (docs/openapi/<app>.json, docs/asyncapi.json). */
export const renderJsonDocument = (document: JsonObject): string => `${JSON.stringify(document, null, 2)}\n`;

export interface RegisteredRoute {
  method: string;
  url: string;
}

/**
 * The routes Fastify has registered that the operations do not describe, as "GET /v1/x". HEAD routes
 * that Fastify adds beside each GET are not operations of their own.
 */
export function undocumentedRoutes(routes: RegisteredRoute[], operations: ApiOperation[]): string[] {
  const documented = new Set(operations.map((o) => `${o.method} ${o.path}`));
  const gets = new Set(routes.filter((r) => r.method === 'GET').map((r) => r.url));
  const missing = routes
    .filter((r) => !(r.method === 'HEAD' && gets.has(r.url)))
    .map((r) => `${r.method} ${r.url}`)
    .filter((route) => !documented.has(route));
  return [...new Set(missing)].sort();
}
