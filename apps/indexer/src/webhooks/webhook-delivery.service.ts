import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { OutboundClient, OutboundError, parseAllowlist } from '@newsflow/outbound';
import { Counter, Histogram } from 'prom-client';
import { INDEXER_CONFIG, type IndexerConfig } from '../indexer.config';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookQueue } from './webhook.queue';
import { signWebhook } from './webhook-signature';

const deliveriesTotal = new Counter({
  name: 'newsflow_webhook_deliveries_total',
  help: 'Webhook delivery attempts by outcome (delivered, failed, gone, dead_lettered, skipped)',
  labelNames: ['outcome'] as const,
});
const latency = new Histogram({
  name: 'newsflow_webhook_delivery_seconds',
  help: 'Time of one webhook POST, until the response was read',
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

/** Responses are logged up to this many bytes: enough to read an error, never a whole page. */
const EXCERPT_BYTES = 1024;

export type DeliveryOutcome =
  /** 2xx: delivered (or it had been already). */
  | 'delivered'
  /** An earlier version of the article is not delivered yet: try again later. */
  | 'wait'
  /** Not sent: the subscription is gone, disabled, or answered 410. */
  | 'dropped';

/** A failed attempt that BullMQ should retry with backoff. */
export class DeliveryFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeliveryFailedError';
  }
}

/** Sends one update event to one subscription, Standard Webhooks style, and records what happened. */
@Injectable()
export class WebhookDeliveryService implements OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryService.name);
  private readonly client: OutboundClient;

  constructor(
    @Inject(INDEXER_CONFIG) private readonly config: IndexerConfig,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly queue: WebhookQueue,
  ) {
    this.client = new OutboundClient({ allowlist: parseAllowlist(config.NEWSFLOW_OUTBOUND_ALLOWLIST) });
  }

  /**
   * ORDER: per (subscription, article), version N is never sent before N−1 was delivered. A
   * delivery whose predecessor's row is not 'delivered' answers 'wait' (the processor parks the job
   * as delayed, which costs no attempt); when a version is delivered its successor is woken at once.
   * The rows are written by the dispatcher in version order (the updates topic is keyed by article,
   * so one partition holds an article's versions in order), so a predecessor's row always exists
   * before its successor's job runs.
   *
   * `finalAttempt`: this is BullMQ's last try; a failure dead-letters the delivery (and disables
   * the subscription, since it has failed for about a day).
   */
  async deliver(subscriptionId: string, eventId: string, finalAttempt: boolean): Promise<DeliveryOutcome> {
    const delivery = await this.deliveries.find(subscriptionId, eventId);
    if (!delivery || delivery.status === 'delivered') return 'delivered';
    if (delivery.status === 'dead') return 'dropped';
    const subscription = await this.subscriptions.find(subscriptionId);
    if (!subscription || subscription.status !== 'active') {
      const reason = subscription
        ? `subscription disabled: ${subscription.disabled_reason ?? ''}`
        : 'subscription deleted';
      await this.deliveries.markDead(subscriptionId, eventId, reason);
      deliveriesTotal.inc({ outcome: 'skipped' });
      return 'dropped';
    }
    if (
      await this.deliveries.hasUndeliveredPredecessor(subscriptionId, delivery.article_id, delivery.version)
    ) {
      return 'wait';
    }

    const secrets = [subscription.secret];
    if (
      subscription.previous_secret !== null &&
      subscription.previous_secret_expires_at !== null &&
      subscription.previous_secret_expires_at.getTime() > Date.now()
    ) {
      secrets.push(subscription.previous_secret);
    }
    const body = JSON.stringify(delivery.payload);
    const headers = signWebhook(eventId, new Date(), body, secrets);
    const started = performance.now();
    let status: number | null = null;
    let excerpt: string | null = null;
    let error: string | null = null;
    try {
      const response = await this.client.fetch(subscription.url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
        timeoutMs: this.config.WEBHOOK_TIMEOUT_MS,
        // A receiver answers; it does not send us elsewhere (a redirect could aim at anything).
        maxRedirects: 0,
        maxBytes: 64 * 1024,
      });
      status = response.status;
      excerpt = response.body.subarray(0, EXCERPT_BYTES).toString('utf8') || null;
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (caught) {
      error =
        caught instanceof OutboundError ? `${caught.code}: ${caught.message}` : (caught as Error).message;
    }
    const latencyMs = Math.round(performance.now() - started);
    latency.observe(latencyMs / 1000);
    await this.deliveries.recordAttempt({
      subscriptionId,
      eventId,
      statusCode: status,
      latencyMs,
      responseExcerpt: excerpt,
      error,
    });

    if (status !== null && status >= 200 && status < 300) {
      await this.deliveries.markDelivered(subscriptionId, eventId);
      deliveriesTotal.inc({ outcome: 'delivered' });
      const next = await this.deliveries.nextPending(subscriptionId, delivery.article_id, delivery.version);
      if (next) await this.queue.wake(subscriptionId, next);
      return 'delivered';
    }
    if (status === 410) {
      const reason = `receiver answered 410 Gone for event ${eventId}`;
      await this.subscriptions.disable(subscriptionId, reason);
      await this.deliveries.markDead(subscriptionId, undefined, reason);
      deliveriesTotal.inc({ outcome: 'gone' });
      this.logger.warn(`subscription ${subscriptionId} disabled: ${reason}`);
      return 'dropped';
    }
    deliveriesTotal.inc({ outcome: 'failed' });
    const failure = error ?? `HTTP ${status ?? '?'}`;
    if (finalAttempt) {
      const reason = `delivery of event ${eventId} failed ${this.config.WEBHOOK_MAX_ATTEMPTS} times (last: ${failure})`;
      await this.subscriptions.disable(subscriptionId, reason);
      const dead = await this.deliveries.markDead(subscriptionId, undefined, reason);
      deliveriesTotal.inc({ outcome: 'dead_lettered' }, dead);
      this.logger.warn(
        `subscription ${subscriptionId} disabled, ${dead} deliveries dead-lettered: ${reason}`,
      );
      return 'dropped';
    }
    throw new DeliveryFailedError(failure);
  }

  /** Still waiting for an earlier version? (Checked again after parking, to close the wake-up race.) */
  async mustWait(subscriptionId: string, eventId: string): Promise<boolean> {
    const delivery = await this.deliveries.find(subscriptionId, eventId);
    if (!delivery || delivery.status !== 'pending') return false;
    return this.deliveries.hasUndeliveredPredecessor(subscriptionId, delivery.article_id, delivery.version);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
