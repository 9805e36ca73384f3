import { type DynamicModule, Module } from '@nestjs/common';
import { OutboxRelay } from '../outbox/outbox.relay';
import { ArticleStoreRepository } from './article-store.repository';
import { IndexingConsumer } from './indexing.consumer';
import { IndexingService } from './indexing.service';

/** Stands in for the relay in a process without the relay role: another process publishes the outbox. */
const idleRelay: Pick<OutboxRelay, 'kick' | 'stop'> = {
  kick: () => undefined,
  stop: () => Promise.resolve(),
};

/**
 * The news.enriched.v1 consumer (INDEXER_ROLES indexing) and the outbox relay (relay). Either may run
 * without the other: the relay only reads the outbox table, and polls it when no consumer kicks it.
 */
@Module({})
export class IndexingModule {
  static forRoot(
    options: { consume: boolean; relay: boolean } = { consume: true, relay: true },
  ): DynamicModule {
    return {
      module: IndexingModule,
      providers: [
        ArticleStoreRepository,
        IndexingService,
        options.relay ? OutboxRelay : { provide: OutboxRelay, useValue: idleRelay },
        ...(options.consume ? [IndexingConsumer] : []),
      ],
      exports: [OutboxRelay, ...(options.consume ? [IndexingConsumer] : [])],
    };
  }
}
