import { type DynamicModule, Module } from '@nestjs/common';
import {
  ApiDocumentsModule,
  AppConfigModule,
  DatabaseHealthIndicator,
  DatabaseModule,
  HEALTH_INDICATORS,
  HealthController,
  KafkaHealthIndicator,
  KafkaModule,
  MetricsController,
} from '@newsflow/platform';
import { ArticlesModule } from './articles/articles.module';
import { EntitiesModule } from './entities/entities.module';
import { indexerOpenApiDocument, servedAsyncApiDocument } from './indexer.openapi';
import { INDEXER_CONFIG, indexerRoles, type IndexerConfig } from './indexer.config';
import { IndexingConsumer } from './indexing/indexing.consumer';
import { IndexingModule } from './indexing/indexing.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';
import { StreamModule } from './stream/stream.module';
import { WebhookDispatcher } from './webhooks/webhook.dispatcher';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
export class IndexerModule {
  static forRoot(config: IndexerConfig): DynamicModule {
    // INDEXER_ROLES: one process may run only some parts (scaling, and the kill tests); health and
    // metrics are always served. Health checks only what this process runs.
    const roles = indexerRoles(config);
    const indicators = [
      KafkaHealthIndicator,
      DatabaseHealthIndicator,
      ...(roles.has('indexing') ? [IndexingConsumer] : []),
      ...(roles.has('webhooks') ? [WebhookDispatcher] : []),
    ];
    return {
      module: IndexerModule,
      imports: [
        AppConfigModule.forRoot(INDEXER_CONFIG, config),
        KafkaModule.forRoot({
          brokers: config.KAFKA_BROKERS,
          clientId: `newsflow-indexer${config.KAFKA_CLIENT_ID_SUFFIX}`,
        }),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          applicationName: 'newsflow-indexer',
        }),
        IndexingModule.forRoot({ consume: roles.has('indexing'), relay: roles.has('relay') }),
        ...(roles.has('api') ? [ArticlesModule, EntitiesModule, SubscriptionsModule, StreamModule] : []),
        ...(roles.has('webhooks') ? [WebhooksModule] : []),
        ApiDocumentsModule.forRoot({ openapi: indexerOpenApiDocument(), asyncapi: servedAsyncApiDocument() }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        {
          provide: HEALTH_INDICATORS,
          inject: indicators,
          useFactory: (...indicators: unknown[]) => indicators,
        },
      ],
    };
  }
}
