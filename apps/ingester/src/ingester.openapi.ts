import {
  buildOpenApiDocument,
  NEWSFLOW_API_VERSION,
  platformOperations,
  type ApiOperation,
  type JsonObject,
} from '@newsflow/platform';
import { articlesOperations } from './articles/articles.openapi';
import { feedsOperations } from './feeds/feeds.openapi';
import { feedPollingOperations } from './feeds/polling/feed-polling.openapi';
import { sourcesOperations } from './sources/sources.openapi';

/**
 * Every HTTP operation of the ingester: each feature folder exports its own from `<feature>.openapi.ts`.
 * A route that is registered but not listed here fails ingester.openapi.int-spec.ts.
 */
export const ingesterOperations: ApiOperation[] = [
  ...platformOperations,
  ...articlesOperations,
  ...feedsOperations,
  ...feedPollingOperations,
  ...sourcesOperations,
];

export const ingesterOpenApiDocument = (): JsonObject =>
  buildOpenApiDocument(
    {
      title: 'Newsflow ingester',
      version: NEWSFLOW_API_VERSION,
      description:
        'The write edge of Newsflow: articles and feed documents pushed by newsroom systems, feeds to poll, and the sources and API keys they authenticate with.',
      server: 'http://127.0.0.1:3001',
    },
    ingesterOperations,
  );
