import { Type } from '@sinclair/typebox';
import { errorResponse, type ApiOperation } from '@newsflow/platform';
import { DryRunQuerySchema, DryRunResponseSchema, PushItemResultSchema } from '../articles/articles.openapi';
import { SignatureHeadersSchema, unauthorized, unavailable } from '../ingester-errors.openapi';
import { FEED_MEDIA_TYPES } from './feed-media-types';

const FeedDocument = Type.String({
  description: 'The raw document: RSS 2.0, RSS 1.0 (RDF), Atom 1.0 or JSON Feed 1.1',
});

export const feedsOperations: ApiOperation[] = [
  {
    method: 'POST',
    path: '/v1/feeds/push',
    operationId: 'pushFeedDocument',
    summary: 'Push a feed document: one article per item, answered per item in document order',
    description:
      'The media type in Content-Type says the format. Documents declaring DTD entities are refused (`unsafe_xml`).',
    tags: ['push'],
    security: ['apiKey'],
    query: DryRunQuerySchema,
    headers: SignatureHeadersSchema,
    body: {
      content: Object.fromEntries(
        [...FEED_MEDIA_TYPES, 'application/json'].map((type) => [type, FeedDocument]),
      ),
    },
    responses: {
      200: { description: 'Dry run', content: { 'application/json': DryRunResponseSchema } },
      202: {
        description: 'One result per item, in document order',
        content: { 'application/json': Type.Array(PushItemResultSchema) },
      },
      400: errorResponse(
        'Empty, malformed (`malformed`) or unsafe (`unsafe_xml`) document, or a bad `dryRun`',
      ),
      401: unauthorized,
      413: errorResponse('Body larger than INGEST_MAX_BODY_BYTES'),
      415: errorResponse('Not a feed media type'),
      503: unavailable,
    },
  },
];
