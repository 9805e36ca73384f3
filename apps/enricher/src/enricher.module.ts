import { type DynamicModule, Module } from '@nestjs/common';
import {
  ApiDocumentsModule,
  AppConfigModule,
  HEALTH_INDICATORS,
  HealthController,
  KafkaHealthIndicator,
  KafkaModule,
  MetricsController,
} from '@newsflow/platform';
import { ENRICHER_CONFIG, type EnricherConfig } from './enricher.config';
import { enricherOpenApiDocument } from './enricher.openapi';
import { EnrichmentConsumer } from './enrichment/enrichment.consumer';
import { EnrichmentModule } from './enrichment/enrichment.module';

@Module({})
export class EnricherModule {
  static forRoot(config: EnricherConfig): DynamicModule {
    return {
      module: EnricherModule,
      imports: [
        AppConfigModule.forRoot(ENRICHER_CONFIG, config),
        KafkaModule.forRoot({
          brokers: config.KAFKA_BROKERS,
          clientId: `newsflow-enricher${config.KAFKA_CLIENT_ID_SUFFIX}`,
        }),
        EnrichmentModule,
        ApiDocumentsModule.forRoot({ openapi: enricherOpenApiDocument() }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        {
          provide: HEALTH_INDICATORS,
          inject: [KafkaHealthIndicator, EnrichmentConsumer],
          useFactory: (...indicators: unknown[]) => indicators,
        },
      ],
    };
  }
}
