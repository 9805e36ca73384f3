import { type Kafka, type KafkaMessage } from 'kafkajs';
import { uniqueSuffix } from './test-env';

export interface ReadMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * Reads a topic from the beginning with a throwaway consumer group and collects what it sees, so a
 * test can assert on what really reached Kafka.
 */
export class TopicReader {
  readonly messages: ReadMessage[] = [];
  private readonly consumer;

  constructor(
    kafka: Kafka,
    private readonly topic: string,
  ) {
    this.consumer = kafka.consumer({
      groupId: `test-reader-${uniqueSuffix()}`,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 200,
    });
  }

  async start(): Promise<this> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ partition, message }) => {
        this.messages.push(toRead(partition, message));
      },
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

function toRead(partition: number, message: KafkaMessage): ReadMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = (Array.isArray(value) ? value[0] : value)?.toString() ?? '';
  }
  return {
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    value: message.value?.toString() ?? null,
    headers,
  };
}
