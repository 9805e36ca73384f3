import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { allTopics, TOPIC_PARTITIONS } from '@newsflow/contracts';
import { createKafka, describeCluster, ensureTopics, EventPublisher, parseBrokers } from '@newsflow/kafka';
import { type HealthIndicator } from './health.controller';

export interface KafkaModuleOptions {
  brokers: string;
  clientId: string;
}

/** Disconnects the producer last: after the HTTP server and the consumers have finished their work. */
@Injectable()
class PublisherLifecycle implements OnApplicationShutdown {
  constructor(private readonly publisher: EventPublisher) {}

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
  }
}

@Injectable()
export class KafkaHealthIndicator implements HealthIndicator {
  readonly name = 'kafka';
  constructor(@Inject(Kafka) private readonly kafka: Kafka) {}

  check = async (): Promise<void> => {
    await describeCluster(this.kafka);
  };
}

/**
 * Thin Nest glue over @newsflow/kafka: one Kafka client and one connected producer per process, and
 * the project's topics ensured (with explicit partition counts) before anything is consumed or sent.
 */
@Module({})
export class KafkaModule {
  static forRoot({ brokers, clientId }: KafkaModuleOptions): DynamicModule {
    return {
      module: KafkaModule,
      global: true,
      providers: [
        {
          provide: Kafka,
          useFactory: async () => {
            const logger = new Logger('kafka');
            const kafka = createKafka({ brokers: parseBrokers(brokers), clientId, logger });
            await ensureTopics(
              kafka,
              allTopics().map((topic) => ({ topic, numPartitions: TOPIC_PARTITIONS })),
            );
            return kafka;
          },
        },
        {
          provide: EventPublisher,
          inject: [Kafka],
          useFactory: async (kafka: Kafka) => {
            const publisher = new EventPublisher(kafka);
            await publisher.connect();
            return publisher;
          },
        },
        PublisherLifecycle,
        KafkaHealthIndicator,
      ],
      exports: [Kafka, EventPublisher, KafkaHealthIndicator],
    };
  }
}
