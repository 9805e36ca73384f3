import { Type, type Static } from '@sinclair/typebox';
import { SubscriptionFilterSchema } from './subscription-filter';

const Url = Type.String({
  minLength: 1,
  maxLength: 2048,
  description: 'http or https URL receiving the POSTs',
});
const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });

export const CreateSubscriptionSchema = Type.Object(
  { url: Url, filter: Type.Optional(SubscriptionFilterSchema) },
  { additionalProperties: false },
);
export const UpdateSubscriptionSchema = Type.Object(
  {
    url: Type.Optional(Url),
    filter: Type.Optional(SubscriptionFilterSchema),
    status: Type.Optional(
      Type.Union([Type.Literal('active'), Type.Literal('disabled')], {
        description:
          'active re-enables a disabled subscription and queues its dead-lettered deliveries again',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const PageQuerySchema = Type.Object({
  cursor: Type.Optional(
    Type.String({ minLength: 1, maxLength: 64, description: '`next` of the previous page' }),
  ),
  limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: '1–100, default 50' })),
});
export const SubscriptionIdParamsSchema = Type.Object({
  id: Type.String({ description: 'Subscription id (UUID)' }),
});

export const SubscriptionViewSchema = Type.Object({
  id: Uuid,
  url: Type.String(),
  filter: SubscriptionFilterSchema,
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  disabledReason: Type.Union([Type.String(), Type.Null()], {
    description: 'Why it was disabled: a 410 answer, failures past the limit, or its owner',
  }),
  disabledAt: Type.Union([Timestamp, Type.Null()]),
  previousSecretValidUntil: Type.Union([Timestamp, Type.Null()], {
    description: 'After a rotation: until then the previous secret signs deliveries too',
  }),
  deliveries: Type.Object(
    { pending: Type.Integer(), delivered: Type.Integer(), dead: Type.Integer() },
    { description: 'Deliveries by state; dead ones are kept and can be retried' },
  ),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type SubscriptionView = Static<typeof SubscriptionViewSchema>;

export const SubscriptionWithSecretSchema = Type.Composite([
  SubscriptionViewSchema,
  Type.Object({
    secret: Type.String({
      pattern: '^whsec_',
      description: 'Standard Webhooks secret (whsec_ + base64 of 32 random bytes); shown only in this answer',
    }),
  }),
]);
export type SubscriptionWithSecret = Static<typeof SubscriptionWithSecretSchema>;

export const SubscriptionPageSchema = Type.Object({
  items: Type.Array(SubscriptionViewSchema),
  next: Type.Union([Type.String(), Type.Null()], {
    description: 'Cursor of the next page; null on the last',
  }),
});

export const DeliveryLogEntrySchema = Type.Object({
  id: Type.String({ description: 'Attempt id (the cursor)' }),
  eventId: Type.String({ description: 'The update event id: the webhook-id header' }),
  articleId: Type.Union([Type.String(), Type.Null()]),
  version: Type.Union([Type.Integer(), Type.Null()]),
  attempt: Type.Integer({ minimum: 1 }),
  statusCode: Type.Union([Type.Integer(), Type.Null()], { description: 'null when no response came' }),
  latencyMs: Type.Integer(),
  responseExcerpt: Type.Union([Type.String(), Type.Null()], { description: 'The first 1 KB of the answer' }),
  error: Type.Union([Type.String(), Type.Null()]),
  deliveryStatus: Type.Union([
    Type.Literal('pending'),
    Type.Literal('delivered'),
    Type.Literal('dead'),
    Type.Null(),
  ]),
  attemptedAt: Timestamp,
});
export type DeliveryLogEntry = Static<typeof DeliveryLogEntrySchema>;

export const DeliveryLogPageSchema = Type.Object({
  items: Type.Array(DeliveryLogEntrySchema),
  next: Type.Union([Type.String(), Type.Null()]),
});

export const RetryResultSchema = Type.Object({
  requeued: Type.Integer({ description: 'Deliveries queued again (dead-lettered and still pending ones)' }),
});
