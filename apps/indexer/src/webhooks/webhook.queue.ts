import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Gauge } from 'prom-client';
import { INDEXER_CONFIG, type IndexerConfig } from '../indexer.config';
import {
  deliveryJobId,
  WEBHOOK_BACKOFF,
  WEBHOOK_DELIVERY_JOB,
  WEBHOOK_DELIVERY_QUEUE,
  type WebhookDeliveryJob,
} from './webhook-queue.constants';

/** Queues open in this process (one in production), read when /metrics is scraped. */
const openQueues = new Set<WebhookQueue>();
new Gauge({
  name: 'newsflow_webhook_queue_jobs',
  help: 'Webhook delivery jobs in the queue, by state (waiting, delayed, active)',
  labelNames: ['state'] as const,
  async collect() {
    const [queue] = openQueues;
    if (!queue) return;
    const counts = await queue.counts().catch(() => undefined);
    if (!counts) return;
    for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
  },
});

/**
 * All access to the webhook-delivery queue. Jobs carry only (subscription, event); the delivery row
 * in PostgreSQL is the truth about what is owed, so a job lost or removed can always be re-added.
 */
@Injectable()
export class WebhookQueue implements OnApplicationShutdown {
  /** Fails fast when Redis is away, so an API call answers an error instead of hanging. */
  private readonly connection: Redis;
  private readonly queue: Queue<WebhookDeliveryJob>;

  constructor(@Inject(INDEXER_CONFIG) private readonly config: IndexerConfig) {
    this.connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
    this.connection.on('error', () => undefined); // reported by each failing call and /health
    this.queue = new Queue<WebhookDeliveryJob>(WEBHOOK_DELIVERY_QUEUE, {
      connection: this.connection,
      prefix: config.REDIS_KEY_PREFIX,
    });
    openQueues.add(this);
  }

  /** Adds one job per pair; a pair whose job still exists is left alone (same jobId). */
  async enqueue(pairs: Array<{ subscriptionId: string; eventId: string }>): Promise<void> {
    if (pairs.length === 0) return;
    await this.queue.addBulk(
      pairs.map((data) => ({
        name: WEBHOOK_DELIVERY_JOB,
        data,
        opts: {
          jobId: deliveryJobId(data.subscriptionId, data.eventId),
          attempts: this.config.WEBHOOK_MAX_ATTEMPTS,
          backoff: { type: WEBHOOK_BACKOFF },
          // The delivery row keeps the outcome and the attempt log keeps the history; a finished job
          // is removed so that a retry (POST …/deliveries/retry) can add the same jobId again.
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }

  /** Wakes a delivery that sleeps waiting for its predecessor (no-op if it is not delayed). */
  async wake(subscriptionId: string, eventId: string): Promise<void> {
    const job = await this.queue.getJob(deliveryJobId(subscriptionId, eventId));
    if (job && (await job.isDelayed())) await job.promote().catch(() => undefined);
  }

  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'delayed', 'active');
  }

  async ping(): Promise<void> {
    await this.connection.ping();
  }

  async onApplicationShutdown(): Promise<void> {
    openQueues.delete(this);
    await this.queue.close();
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
