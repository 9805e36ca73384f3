import { type DynamicModule, Module } from '@nestjs/common';
import {
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
import { INDEXER_CONFIG, type IndexerConfig } from './indexer.config';
import { IndexingConsumer } from './indexing/indexing.consumer';
import { IndexingModule } from './indexing/indexing.module';

@Module({})
export class IndexerModule {
  static forRoot(config: IndexerConfig): DynamicModule {
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
        IndexingModule,
        ArticlesModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        {
          provide: HEALTH_INDICATORS,
          inject: [KafkaHealthIndicator, DatabaseHealthIndicator, IndexingConsumer],
          useFactory: (...indicators: unknown[]) => indicators,
        },
      ],
    };
  }
}
