import { Type, type Static } from '@sinclair/typebox';

/**
 * NEVER RENAME these values: they are part of the keys BullMQ keeps in Redis
 * (`<prefix>:webhook-delivery:…`); renaming one strands every queued delivery.
 */
export const WEBHOOK_DELIVERY_QUEUE = 'webhook-delivery';
export const WEBHOOK_DELIVERY_JOB = 'deliver';
/** The custom backoff strategy's name in job options (see webhookBackoffMs). */
export const WEBHOOK_BACKOFF = 'webhook-backoff';

/** What a delivery job carries: the pair only; the payload and the URL are read fresh from PostgreSQL. */
export const WebhookDeliveryJobSchema = Type.Object({
  subscriptionId: Type.String({ format: 'uuid' }),
  eventId: Type.String({ format: 'uuid' }),
});
export type WebhookDeliveryJob = Static<typeof WebhookDeliveryJobSchema>;

/**
 * One job per (subscription, event): adding it again (a redelivered Kafka message, a dispatcher
 * restarted mid-batch) is a no-op while the job exists. BullMQ refuses a custom id with one `:`
 * (it reserves the form for its own keys), so the pair is joined with a dot.
 */
export const deliveryJobId = (subscriptionId: string, eventId: string): string =>
  `${subscriptionId}.${eventId}`;
