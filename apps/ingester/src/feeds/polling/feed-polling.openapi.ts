import { Type, type Static } from '@sinclair/typebox';
import { assertSameShape, errorResponse, type ApiOperation, type SameShape } from '@newsflow/platform';
import { IngesterConfigSchema } from '../../ingester.config';
import { unauthorized } from '../../ingester-errors.openapi';
import { registerFeedSchema, updateFeedSchema } from './feed-polling.controller';
import { type FeedView } from './feed-polling.service';

// The document shows the default FEED_MIN_INTERVAL_SECONDS; a deployment may raise it.
const MIN_INTERVAL = Number(IngesterConfigSchema.properties.FEED_MIN_INTERVAL_SECONDS.default);

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableTimestamp = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

export const FeedViewSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  url: Type.String(),
  intervalSeconds: Type.Integer(),
  fullText: Type.Boolean({ description: 'Each item’s page is fetched and its main text extracted' }),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  consecutiveFailures: Type.Integer({ minimum: 0 }),
  lastPolledAt: NullableTimestamp,
  lastSuccessAt: NullableTimestamp,
  lastError: NullableString,
  lastStatus: Type.Union([Type.Integer(), Type.Null()]),
  nextPollAt: NullableTimestamp,
  etag: NullableString,
  lastModified: NullableString,
  itemsSeen: Type.Integer({ minimum: 0, description: 'Versions published from this feed so far' }),
  createdAt: Type.String({ format: 'date-time' }),
});
assertSameShape<SameShape<Static<typeof FeedViewSchema>, FeedView>>();

const FeedIdParamsSchema = Type.Object({ id: Type.String({ description: 'Feed id (uuid)' }) });
const feedJson = { 'application/json': FeedViewSchema };
const notFound = errorResponse('No such feed of this source');

export const feedPollingOperations: ApiOperation[] = [
  {
    method: 'POST',
    path: '/v1/feeds',
    operationId: 'registerFeed',
    summary: 'Register a feed for the caller’s source to be polled',
    tags: ['feeds'],
    security: ['apiKey'],
    body: { content: { 'application/json': registerFeedSchema(MIN_INTERVAL) } },
    responses: {
      200: { description: 'The source had already registered this URL: that feed', content: feedJson },
      201: { description: 'Registered', content: feedJson },
      400: errorResponse('Invalid body, or a URL the outbound guard refuses (private address, bad scheme)'),
      401: unauthorized,
    },
  },
  {
    method: 'GET',
    path: '/v1/feeds/:id',
    operationId: 'getFeed',
    summary: 'A feed and its polling state',
    tags: ['feeds'],
    security: ['apiKey'],
    params: FeedIdParamsSchema,
    responses: { 200: { description: 'The feed', content: feedJson }, 401: unauthorized, 404: notFound },
  },
  {
    method: 'PATCH',
    path: '/v1/feeds/:id',
    operationId: 'updateFeed',
    summary: 'Change a feed’s interval or full-text setting',
    tags: ['feeds'],
    security: ['apiKey'],
    params: FeedIdParamsSchema,
    body: { content: { 'application/json': updateFeedSchema(MIN_INTERVAL) } },
    responses: {
      200: { description: 'The updated feed', content: feedJson },
      400: errorResponse('Invalid body'),
      401: unauthorized,
      404: notFound,
    },
  },
  {
    method: 'DELETE',
    path: '/v1/feeds/:id',
    operationId: 'deleteFeed',
    summary: 'Stop polling a feed (its history stays)',
    tags: ['feeds'],
    security: ['apiKey'],
    params: FeedIdParamsSchema,
    responses: { 204: { description: 'Deleted' }, 401: unauthorized, 404: notFound },
  },
];
