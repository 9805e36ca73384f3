import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Topics, validateEnrichedArticleEvent, type EnrichedArticleEvent } from '@newsflow/contracts';
import { BatchConsumer, EventPublisher } from '@newsflow/kafka';
import { type HealthIndicator } from '@newsflow/platform';
import { INDEXER_CONFIG, type IndexerConfig } from '../indexer.config';
import { OutboxRelay } from '../outbox/outbox.relay';
import { IndexingService } from './indexing.service';

/** news.enriched.v1 → PostgreSQL. Offsets are committed only after the chunk's transaction committed. */
@Injectable()
export class IndexingConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown, HealthIndicator {
  readonly name = 'consumer';
  private readonly logger = new Logger(IndexingConsumer.name);
  private readonly consumer: BatchConsumer<EnrichedArticleEvent>;

  constructor(
    @Inject(Kafka) kafka: Kafka,
    @Inject(EventPublisher) publisher: EventPublisher,
    @Inject(DataSource) dataSource: DataSource,
    @Inject(INDEXER_CONFIG) config: IndexerConfig,
    private readonly indexing: IndexingService,
    private readonly relay: OutboxRelay,
  ) {
    this.consumer = new BatchConsumer(kafka, publisher, {
      groupId: config.INDEXER_GROUP_ID,
      topic: Topics.enriched,
      validate: validateEnrichedArticleEvent,
      handle: async (messages) => {
        const headers = new Map(messages.map((m) => [m.value, m.headers]));
        await this.indexing.index(
          messages.map((m) => m.value),
          (event) => headers.get(event) ?? {},
        );
      },
      // While PostgreSQL is down, failures are not the messages' fault: keep retrying, never dead-letter.
      dependenciesHealthy: () =>
        dataSource.query('SELECT 1').then(
          () => true,
          () => false,
        ),
      logger: this.logger,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
  }

  /** Stop consuming (finishing and committing the chunk in hand), then let the relay publish what it has. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.relay.stop();
  }

  check = (): Promise<void> =>
    this.consumer.isRunning ? Promise.resolve() : Promise.reject(new Error('consumer is not running'));
}
