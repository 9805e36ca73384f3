import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Topics, validateArticleUpdateEvent, type ArticleUpdateEvent } from '@newsflow/contracts';
import { BatchConsumer, EventPublisher, type ConsumedMessage } from '@newsflow/kafka';
import { type HealthIndicator } from '@newsflow/platform';
import { INDEXER_CONFIG, type IndexerConfig } from '../indexer.config';
import { MatchableArticleRepository, matchableOf } from '../subscriptions/matchable-article.repository';
import { SubscriptionMatcher } from '../subscriptions/subscription-matcher';
import { WebhookDeliveriesRepository, type PendingDelivery } from './webhook-deliveries.repository';
import { WebhookQueue } from './webhook.queue';

/**
 * news.updates.v1 → one delivery job per (matching subscription, event). Its own consumer group, so
 * it reads every update whatever else consumes the topic. The delivery rows are written before the
 * jobs are added, and the offsets are committed after both: a crash in between re-reads the
 * messages, finds the rows (still pending) and adds the jobs again — same jobIds, so no duplicates.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown, HealthIndicator {
  readonly name = 'webhook-dispatcher';
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly consumer: BatchConsumer<ArticleUpdateEvent>;

  constructor(
    @Inject(Kafka) kafka: Kafka,
    @Inject(EventPublisher) publisher: EventPublisher,
    @Inject(DataSource) dataSource: DataSource,
    @Inject(INDEXER_CONFIG) config: IndexerConfig,
    private readonly matcher: SubscriptionMatcher,
    private readonly articles: MatchableArticleRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly queue: WebhookQueue,
  ) {
    this.consumer = new BatchConsumer(kafka, publisher, {
      groupId: config.WEBHOOK_GROUP_ID,
      topic: Topics.updates,
      validate: validateArticleUpdateEvent,
      handle: (messages) => this.dispatch(messages),
      // While PostgreSQL is down, failures are not the messages' fault: keep retrying, never dead-letter.
      dependenciesHealthy: () =>
        Promise.all([dataSource.query('SELECT 1'), this.queue.ping()]).then(
          () => true,
          () => false,
        ),
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
    this.consumer.isRunning
      ? Promise.resolve()
      : Promise.reject(new Error('webhook dispatcher is not running'));

  async dispatch(messages: ConsumedMessage<ArticleUpdateEvent>[]): Promise<void> {
    await this.matcher.refresh();
    if (this.matcher.size === 0) return; // nobody to deliver to: no need to read the articles
    const owed: PendingDelivery[] = [];
    const articles = await this.articles.loadMany(messages.map(({ value }) => value));
    for (const { value: event } of messages) {
      const article = matchableOf(articles, event.articleId, event.version);
      if (!article) {
        // The relay publishes only committed versions; a missing one means the database was reset.
        this.logger.warn(
          `update ${event.eventId}: version ${event.articleId}@${event.version} is not stored; skipped`,
        );
        continue;
      }
      for (const subscriptionId of this.matcher.match(article)) {
        owed.push({
          subscriptionId,
          eventId: event.eventId,
          articleId: event.articleId,
          version: event.version,
          payload: event,
        });
      }
    }
    await this.queue.enqueue(await this.deliveries.recordPending(owed));
  }
}
