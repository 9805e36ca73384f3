import {
  buildOpenApiDocument,
  NEWSFLOW_API_VERSION,
  platformOperations,
  type ApiOperation,
  type JsonObject,
} from '@newsflow/platform';

/** The enricher serves health and metrics only (and this document); it works on Kafka topics. */
export const enricherOperations: ApiOperation[] = [...platformOperations];

export const enricherOpenApiDocument = (): JsonObject =>
  buildOpenApiDocument(
    {
      title: 'Newsflow enricher',
      version: NEWSFLOW_API_VERSION,
      description:
        'The enricher consumes news.raw.v1 and publishes news.enriched.v1 (see the AsyncAPI document the indexer serves); over HTTP it answers health and metrics only.',
      server: 'http://127.0.0.1:3002',
    },
    enricherOperations,
  );
