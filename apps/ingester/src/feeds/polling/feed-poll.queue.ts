import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { INGESTER_CONFIG, type IngesterConfig } from '../../ingester.config';
import { FEED_POLL_JOB, FEED_POLL_QUEUE, type FeedPollJob } from './feed-poll-queue.constants';
import { firstPollDelayMs } from './feed-poll-outcome';

/**
 * All access to the feed-poll queue in Redis: one BullMQ job scheduler per feed (its id is the feed
 * id), so schedules survive restarts and a crashed instance's jobs are picked up by the others.
 */
@Injectable()
export class FeedPollQueue implements OnApplicationShutdown {
  /** Fails fast when Redis is away, so an API call answers an error instead of hanging. */
  private readonly connection: Redis;
  private readonly queue: Queue<FeedPollJob>;

  constructor(@Inject(INGESTER_CONFIG) config: IngesterConfig) {
    this.connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: false });
    this.connection.on('error', () => undefined); // reported by the health check and by each failing call
    this.queue = new Queue<FeedPollJob>(FEED_POLL_QUEUE, {
      connection: this.connection,
      prefix: config.REDIS_KEY_PREFIX,
    });
  }

  /**
   * Creates or updates the feed's schedule. A new schedule starts at a random point within the first
   * interval, so feeds registered together do not poll together; an existing one with the same
   * interval keeps its slot (BullMQ keeps the pending iteration), so calling this again is harmless.
   */
  async schedule(feedId: string, intervalSeconds: number): Promise<void> {
    await this.queue.upsertJobScheduler(
      feedId,
      {
        every: intervalSeconds * 1000,
        startDate: Date.now() + firstPollDelayMs(intervalSeconds, Math.random()),
      },
      {
        name: FEED_POLL_JOB,
        data: { feedId },
        // The schedule itself is the retry: a failed poll is not retried by BullMQ.
        opts: { attempts: 1, removeOnComplete: true, removeOnFail: { count: 1000 } },
      },
    );
  }

  async isScheduled(feedId: string): Promise<boolean> {
    return (await this.queue.getJobScheduler(feedId)) !== undefined;
  }

  async unschedule(feedId: string): Promise<void> {
    await this.queue.removeJobScheduler(feedId);
  }

  async ping(): Promise<void> {
    await this.connection.ping();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
