import {
  asyncApiOperations,
  buildAsyncApiDocument,
  buildOpenApiDocument,
  NEWSFLOW_API_VERSION,
  platformOperations,
  type ApiOperation,
  type JsonObject,
} from '@newsflow/platform';
import { articlesOperations } from './articles/articles.openapi';
import { entitiesOperations } from './entities/entities.openapi';
import { streamOperations } from './stream/stream.openapi';
import { subscriptionsOperations } from './subscriptions/subscriptions.openapi';

/**
 * Every HTTP operation of the indexer: each feature folder exports its own from `<feature>.openapi.ts`.
 * A route that is registered but not listed here fails indexer.openapi.int-spec.ts.
 */
export const indexerOperations: ApiOperation[] = [
  ...platformOperations,
  ...asyncApiOperations,
  ...articlesOperations,
  ...entitiesOperations,
  ...streamOperations,
  ...subscriptionsOperations,
];

export const indexerOpenApiDocument = (): JsonObject =>
  buildOpenApiDocument(
    {
      title: 'Newsflow indexer',
      version: NEWSFLOW_API_VERSION,
      description:
        'The read side of Newsflow: stored articles and their versions, full-text search, entities, and the documents for integrators (this one, and the AsyncAPI document of the topics).',
      server: 'http://127.0.0.1:3003',
    },
    indexerOperations,
  );

/** As served next to `GET /schemas/<topic>.json` (the committed docs/asyncapi.json refers to the repo's files). */
export const servedAsyncApiDocument = (): JsonObject =>
  buildAsyncApiDocument('schemas/', NEWSFLOW_API_VERSION);
