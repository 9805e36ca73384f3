import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import Redis from 'ioredis';
import { createValidator, describeErrors } from '@newsflow/contracts';
import { INDEXER_CONFIG, type IndexerConfig } from '../indexer.config';
import { webhookBackoffMs } from './webhook-backoff';
import { WebhookDeliveryService, type DeliveryOutcome } from './webhook-delivery.service';
import {
  WEBHOOK_BACKOFF,
  WEBHOOK_DELIVERY_JOB,
  WEBHOOK_DELIVERY_QUEUE,
  type WebhookDeliveryJob,
  WebhookDeliveryJobSchema,
} from './webhook-queue.constants';
import { WebhookQueue } from './webhook.queue';

const validateJob = createValidator(WebhookDeliveryJobSchema);

/**
 * Runs delivery jobs: checks the job, calls the service, and maps its answer onto BullMQ. Closed in
 * beforeApplicationShutdown: worker.close() waits for the deliveries in flight, so a SIGTERM loses
 * nothing; after a kill -9 the job's lock expires (WEBHOOK_LOCK_MS) and another worker runs it again.
 */
@Injectable()
export class WebhookDeliveryProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryProcessor.name);
  private worker?: Worker<WebhookDeliveryJob, DeliveryOutcome>;
  private connection?: Redis;

  constructor(
    @Inject(INDEXER_CONFIG) private readonly config: IndexerConfig,
    private readonly delivery: WebhookDeliveryService,
    private readonly queue: WebhookQueue,
  ) {}

  onApplicationBootstrap(): void {
    // Workers block on Redis, so their connection must retry forever (BullMQ requires null here).
    this.connection = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
    this.connection.on('error', () => undefined); // the worker's 'error' event reports it
    const { WEBHOOK_BACKOFF_BASE_MS: base, WEBHOOK_LOCK_MS: lock } = this.config;
    this.worker = new Worker<WebhookDeliveryJob, DeliveryOutcome>(
      WEBHOOK_DELIVERY_QUEUE,
      (job, token) => this.process(job, token),
      {
        connection: this.connection,
        prefix: this.config.REDIS_KEY_PREFIX,
        concurrency: this.config.WEBHOOK_CONCURRENCY,
        lockDuration: lock,
        stalledInterval: lock,
        // A worker killed mid-delivery is not the delivery's fault: take it over several times.
        maxStalledCount: 10,
        settings: {
          backoffStrategy: (attemptsMade: number, type?: string) =>
            type === WEBHOOK_BACKOFF ? webhookBackoffMs(attemptsMade, base) : -1,
        },
      },
    );
    this.worker.on('error', (error) => this.logger.error(`webhook worker: ${error.message}`));
    this.worker.on('failed', (job, error) => {
      if (error instanceof DelayedError || error.name === 'DelayedError') return;
      this.logger.warn(
        `delivery ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`,
      );
    });
  }

  async process(job: Job<WebhookDeliveryJob, DeliveryOutcome>, token?: string): Promise<DeliveryOutcome> {
    if (job.name !== WEBHOOK_DELIVERY_JOB) throw new UnrecoverableError(`no handler for job "${job.name}"`);
    const data = validateJob(job.data);
    if (!data.ok) throw new UnrecoverableError(`invalid delivery job: ${describeErrors(data.errors)}`);
    const { subscriptionId, eventId } = data.value;
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.delivery.deliver(subscriptionId, eventId, finalAttempt);
    if (outcome !== 'wait') return outcome;
    // Parked as delayed (no attempt used); the predecessor's delivery wakes it. If that happened
    // between our check and the parking, the wake-up found nothing to promote: look again.
    await job.moveToDelayed(Date.now() + this.config.WEBHOOK_ORDER_WAIT_MS, token);
    if (!(await this.delivery.mustWait(subscriptionId, eventId)))
      await this.queue.wake(subscriptionId, eventId);
    throw new DelayedError();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }
}
