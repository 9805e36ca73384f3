import { type DynamicModule, Module } from '@nestjs/common';
import { type ServiceOptions } from '@newsflow/platform';
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
import { FeedsModule } from './feeds/feeds.module';
import { FEED_MEDIA_TYPES } from './feeds/feed-media-types';
import { FeedPollingModule } from './feeds/polling/feed-polling.module';
import { RedisHealthIndicator } from './feeds/polling/redis-health.indicator';
import { INGESTER_CONFIG, type IngesterConfig } from './ingester.config';
import { ingesterOpenApiDocument } from './ingester.openapi';

@Module({})
export class IngesterModule {
  /** How the ingester is started, by main.ts and by tests alike. */
  static serviceOptions(config: IngesterConfig): ServiceOptions {
    return {
      name: 'ingester',
      module: IngesterModule.forRoot(config),
      host: config.HOST,
      port: config.INGESTER_PORT,
      logLevel: config.LOG_LEVEL,
      bodyLimitBytes: config.INGEST_MAX_BODY_BYTES,
      rawBody: true, // signed pushes are checked over the exact bytes received
      rawContentTypes: FEED_MEDIA_TYPES,
    };
  }

  static forRoot(config: IngesterConfig): DynamicModule {
    return {
      module: IngesterModule,
      imports: [
        AppConfigModule.forRoot(INGESTER_CONFIG, config),
        KafkaModule.forRoot({
          brokers: config.KAFKA_BROKERS,
          clientId: `newsflow-ingester${config.KAFKA_CLIENT_ID_SUFFIX}`,
        }),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          applicationName: 'newsflow-ingester',
        }),
        ArticlesModule,
        FeedsModule,
        FeedPollingModule,
        ApiDocumentsModule.forRoot({ openapi: ingesterOpenApiDocument() }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        {
          provide: HEALTH_INDICATORS,
          inject: [KafkaHealthIndicator, DatabaseHealthIndicator, RedisHealthIndicator],
          useFactory: (...indicators: unknown[]) => indicators,
        },
      ],
    };
  }
}
