import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import Redis from 'ioredis';
import { createValidator, describeErrors } from '@newsflow/contracts';
import { INGESTER_CONFIG, type IngesterConfig } from '../../ingester.config';
import {
  FEED_POLL_JOB,
  FEED_POLL_QUEUE,
  type FeedPollJob,
  FeedPollJobSchema,
} from './feed-poll-queue.constants';
import { FeedPollingService, type PollRun } from './feed-polling.service';

const validateJob = createValidator(FeedPollJobSchema);

/**
 * Runs poll jobs: checks the job, calls the service, nothing else. Started once the app is up (the
 * database is migrated by then); closed before the HTTP server, the producer and the database
 * (beforeApplicationShutdown), letting running polls finish, so a SIGTERM loses nothing.
 */
@Injectable()
export class FeedPollProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(FeedPollProcessor.name);
  private worker?: Worker<FeedPollJob, PollRun>;
  private connection?: Redis;

  constructor(
    @Inject(INGESTER_CONFIG) private readonly config: IngesterConfig,
    private readonly polling: FeedPollingService,
  ) {}

  onApplicationBootstrap(): void {
    // Workers block on Redis, so their connection must retry forever (BullMQ requires null here).
    this.connection = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
    this.connection.on('error', () => undefined); // the worker's 'error' event reports it
    this.worker = new Worker<FeedPollJob, PollRun>(FEED_POLL_QUEUE, (job) => this.process(job), {
      connection: this.connection,
      prefix: this.config.REDIS_KEY_PREFIX,
      concurrency: this.config.FEED_POLL_CONCURRENCY,
    });
    this.worker.on('error', (error) => this.logger.error(`feed poll worker: ${error.message}`));
    this.worker.on('failed', (job, error) =>
      this.logger.warn(`poll of feed ${job?.data.feedId ?? '?'} failed: ${error.message}`),
    );
    this.polling
      .restoreLostSchedules()
      .catch((error: unknown) =>
        this.logger.error(
          `restoring feed schedules failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
  }

  async process(job: Job<FeedPollJob, PollRun>): Promise<PollRun> {
    if (job.name !== FEED_POLL_JOB) throw new UnrecoverableError(`no handler for job "${job.name}"`);
    const data = validateJob(job.data);
    if (!data.ok) throw new UnrecoverableError(`invalid poll job: ${describeErrors(data.errors)}`);
    return this.polling.poll(data.value.feedId);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }
}
