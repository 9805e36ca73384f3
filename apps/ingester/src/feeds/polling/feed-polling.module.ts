import { Module } from '@nestjs/common';
import { ArticlesModule } from '../../articles/articles.module';
import { SourcesModule } from '../../sources/sources.module';
import { FeedsService } from '../feeds.service';
import { FullTextService } from '../full-text/full-text.service';
import { PageCacheRepository } from '../full-text/page-cache.repository';
import { FeedPollProcessor } from './feed-poll.processor';
import { FeedPollQueue } from './feed-poll.queue';
import { FeedPollingController } from './feed-polling.controller';
import { FeedPollingRepository } from './feed-polling.repository';
import { FeedPollingService } from './feed-polling.service';
import { RedisHealthIndicator } from './redis-health.indicator';

/**
 * Registered feeds polled on BullMQ job schedulers. Items go through `FeedsService`, the same path as
 * `POST /v1/feeds/push` (it is stateless, so this module's own instance of it is equivalent).
 */
@Module({
  imports: [ArticlesModule, SourcesModule],
  controllers: [FeedPollingController],
  providers: [
    FeedsService,
    FeedPollingRepository,
    FeedPollQueue,
    FeedPollingService,
    FeedPollProcessor,
    RedisHealthIndicator,
    FullTextService,
    PageCacheRepository,
  ],
  exports: [RedisHealthIndicator],
})
export class FeedPollingModule {}
