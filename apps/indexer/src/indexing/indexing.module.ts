import { Module } from '@nestjs/common';
import { OutboxRelay } from '../outbox/outbox.relay';
import { ArticleStoreRepository } from './article-store.repository';
import { IndexingConsumer } from './indexing.consumer';
import { IndexingService } from './indexing.service';

@Module({
  providers: [ArticleStoreRepository, IndexingService, IndexingConsumer, OutboxRelay],
  exports: [IndexingConsumer],
})
export class IndexingModule {}
