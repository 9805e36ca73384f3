import { Injectable } from '@nestjs/common';
import { type HealthIndicator } from '@newsflow/platform';
import { FeedPollQueue } from './feed-poll.queue';

/** Redis holds every feed's polling schedule: without it no feed is polled. */
@Injectable()
export class RedisHealthIndicator implements HealthIndicator {
  readonly name = 'redis';

  constructor(private readonly queue: FeedPollQueue) {}

  check = async (): Promise<void> => {
    await this.queue.ping();
  };
}
