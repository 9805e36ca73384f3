export { ApiDocumentsModule, type ApiDocumentsOptions } from './api-documents.module';
export { buildAsyncApiDocument, committedAsyncApiDocument } from './asyncapi-document';
export {
  ErrorResponseSchema,
  errorResponse,
  FieldErrorSchema,
  type ErrorResponse,
} from './error-response.schema';
export {
  buildOpenApiDocument,
  plainSchema,
  renderJsonDocument,
  toOpenApiPath,
  undocumentedRoutes,
  type ApiOperation,
  type ApiResponse,
  type ApiSecurity,
  type HttpMethod,
  type JsonObject,
  type JsonValue,
  type OpenApiInfo,
  type RegisteredRoute,
} from './openapi-document';
export { asyncApiOperations, platformOperations } from './platform.openapi';
export { NEWSFLOW_API_VERSION } from './api-version';
export { assertSameShape, type SameShape } from './same-shape';
