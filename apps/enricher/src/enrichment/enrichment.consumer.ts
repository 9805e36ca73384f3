import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { Headers, Topics, validateRawArticleEvent, type RawArticleEvent } from '@newsflow/contracts';
import { BatchConsumer, EventPublisher, toJsonRecord, type ConsumedMessage } from '@newsflow/kafka';
import { type HealthIndicator } from '@newsflow/platform';
import { ENRICHER_CONFIG, type EnricherConfig } from '../enricher.config';
import { EnrichmentService } from './enrichment.service';

/**
 * news.raw.v1 → news.enriched.v1. A chunk is enriched and published in one acknowledged write
 * before its offsets are committed, so a crash can only cause redelivery, never loss; the indexer
 * ignores the repeat (article id + version is unique).
 */
@Injectable()
export class EnrichmentConsumer
  implements OnApplicationBootstrap, BeforeApplicationShutdown, HealthIndicator
{
  readonly name = 'consumer';
  private readonly logger = new Logger(EnrichmentConsumer.name);
  private readonly consumer: BatchConsumer<RawArticleEvent>;

  constructor(
    @Inject(Kafka) kafka: Kafka,
    @Inject(EventPublisher) private readonly publisher: EventPublisher,
    @Inject(ENRICHER_CONFIG) config: EnricherConfig,
    private readonly enrichment: EnrichmentService,
  ) {
    this.consumer = new BatchConsumer(kafka, publisher, {
      groupId: config.ENRICHER_GROUP_ID,
      topic: Topics.raw,
      validate: validateRawArticleEvent,
      handle: (messages) => this.handle(messages),
      logger: this.logger,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }

  check = (): Promise<void> =>
    this.consumer.isRunning ? Promise.resolve() : Promise.reject(new Error('consumer is not running'));

  private async handle(messages: ConsumedMessage<RawArticleEvent>[]): Promise<void> {
    const records = messages.map(({ value, headers }) => {
      const enriched = this.enrichment.enrich(value);
      return toJsonRecord(enriched.articleId, enriched, {
        ...headers,
        [Headers.eventId]: enriched.eventId,
        [Headers.schema]: enriched.schema,
      });
    });
    await this.publisher.publish([{ topic: Topics.enriched, records }]);
  }
}
