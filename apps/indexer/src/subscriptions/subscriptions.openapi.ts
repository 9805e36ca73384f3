import { errorResponse, type ApiOperation } from '@newsflow/platform';
import {
  CreateSubscriptionSchema,
  DeliveryLogPageSchema,
  PageQuerySchema,
  RetryResultSchema,
  SubscriptionIdParamsSchema,
  SubscriptionPageSchema,
  SubscriptionViewSchema,
  SubscriptionWithSecretSchema,
  UpdateSubscriptionSchema,
} from './subscriptions.schemas';

const unauthorized = errorResponse('Missing, unknown or revoked API key');
const notFound = errorResponse('No such subscription of the calling source');
const badId = errorResponse('Malformed subscription id');

const DELIVERY = [
  'Matching updates are POSTed as the update event JSON (the `ArticleUpdateEvent` schema of news.updates.v1)',
  'with Standard Webhooks headers: `webhook-id` (the eventId: deduplicate on it), `webhook-timestamp`, and',
  '`webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">` (two, space-separated, during a',
  "rotation's grace period). 2xx is delivered; 410 disables the subscription; anything else is retried with",
  'exponential backoff and jitter over about a day, then the subscription is disabled and its deliveries',
  'dead-lettered. Per article, version N is never delivered before version N−1.',
].join(' ');

export const subscriptionsOperations: ApiOperation[] = [
  {
    method: 'POST',
    path: '/v1/subscriptions',
    operationId: 'createSubscription',
    summary: 'Subscribe a URL to the updates matching a filter (signed webhooks)',
    description: `${DELIVERY} Filter keys AND together, values of one key OR together; an empty filter matches everything. The URL must pass the SSRF guard (a private address is refused unless NEWSFLOW_OUTBOUND_ALLOWLIST names it).`,
    tags: ['subscriptions'],
    security: ['apiKey'],
    body: { required: true, content: { 'application/json': CreateSubscriptionSchema } },
    responses: {
      201: {
        description: 'Created; the secret is in this answer only',
        content: { 'application/json': SubscriptionWithSecretSchema },
      },
      400: errorResponse('The body is invalid (`errors` names each field, e.g. `/filter/types/1`, `/url`)'),
      401: unauthorized,
    },
  },
  {
    method: 'GET',
    path: '/v1/subscriptions',
    operationId: 'listSubscriptions',
    summary: "The calling source's subscriptions, a page at a time (keyset pagination)",
    tags: ['subscriptions'],
    security: ['apiKey'],
    query: PageQuerySchema,
    responses: {
      200: { description: 'A page', content: { 'application/json': SubscriptionPageSchema } },
      400: errorResponse('A parameter is invalid'),
      401: unauthorized,
    },
  },
  {
    method: 'GET',
    path: '/v1/subscriptions/:id',
    operationId: 'getSubscription',
    summary: 'One subscription (without its secret): status, disabled reason, delivery counts',
    tags: ['subscriptions'],
    security: ['apiKey'],
    params: SubscriptionIdParamsSchema,
    responses: {
      200: { description: 'The subscription', content: { 'application/json': SubscriptionViewSchema } },
      400: badId,
      401: unauthorized,
      404: notFound,
    },
  },
  {
    method: 'PATCH',
    path: '/v1/subscriptions/:id',
    operationId: 'updateSubscription',
    summary: 'Change the URL or filter, or disable / re-enable',
    tags: ['subscriptions'],
    security: ['apiKey'],
    params: SubscriptionIdParamsSchema,
    body: { required: true, content: { 'application/json': UpdateSubscriptionSchema } },
    responses: {
      200: {
        description: 'The changed subscription',
        content: { 'application/json': SubscriptionViewSchema },
      },
      400: errorResponse('The body or id is invalid; `errors` names each field'),
      401: unauthorized,
      404: notFound,
    },
  },
  {
    method: 'DELETE',
    path: '/v1/subscriptions/:id',
    operationId: 'deleteSubscription',
    summary: 'Delete a subscription: nothing more is delivered to it',
    tags: ['subscriptions'],
    security: ['apiKey'],
    params: SubscriptionIdParamsSchema,
    responses: { 204: { description: 'Deleted' }, 400: badId, 401: unauthorized, 404: notFound },
  },
  {
    method: 'POST',
    path: '/v1/subscriptions/:id/secret/rotate',
    operationId: 'rotateSubscriptionSecret',
    summary: 'A new signing secret; the old one keeps signing too for SUBSCRIPTION_SECRET_GRACE_SECONDS',
    tags: ['subscriptions'],
    security: ['apiKey'],
    params: SubscriptionIdParamsSchema,
    responses: {
      200: {
        description: 'The subscription with its new secret (shown only here)',
        content: { 'application/json': SubscriptionWithSecretSchema },
      },
      400: badId,
      401: unauthorized,
      404: notFound,
    },
  },
  {
    method: 'GET',
    path: '/v1/subscriptions/:id/deliveries',
    operationId: 'listSubscriptionDeliveries',
    summary: 'The delivery log, newest attempt first: status code, latency, response excerpt, error',
    tags: ['subscriptions'],
    security: ['apiKey'],
    params: SubscriptionIdParamsSchema,
    query: PageQuerySchema,
    responses: {
      200: { description: 'A page of attempts', content: { 'application/json': DeliveryLogPageSchema } },
      400: errorResponse('Malformed id or parameter'),
      401: unauthorized,
      404: notFound,
    },
  },
  {
    method: 'POST',
    path: '/v1/subscriptions/:id/deliveries/retry',
    operationId: 'retrySubscriptionDeliveries',
    summary: 'Re-enable the subscription and queue its dead-lettered deliveries again, in version order',
    tags: ['subscriptions'],
    security: ['apiKey'],
    params: SubscriptionIdParamsSchema,
    responses: {
      202: { description: 'Queued', content: { 'application/json': RetryResultSchema } },
      400: badId,
      401: unauthorized,
      404: notFound,
    },
  },
];
