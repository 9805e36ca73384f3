import { CompressionTypes, Partitioners, type Kafka, type Producer } from 'kafkajs';

export interface OutgoingRecord {
  /** The article id: every message is keyed by it so that ordering holds per article. */
  key: string;
  value: Buffer | string;
  headers?: Record<string, string>;
}

/** The broker did not acknowledge a write; callers answer 503 / retry, never claim success. */
export class PublishError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PublishError';
  }
}

export const toJsonRecord = (
  key: string,
  value: unknown,
  headers?: Record<string, string>,
): OutgoingRecord => ({
  key,
  value: JSON.stringify(value),
  ...(headers ? { headers } : {}),
});

/**
 * How long one publish may take before it is reported as failed. A push waits on it, so it bounds how
 * long a newsroom waits for an honest 503. A write that times out may still land later: that is safe
 * because event ids are deterministic and every consumer is idempotent on (article id, version).
 */
export const PUBLISH_DEADLINE_MS = 8_000;

/**
 * The one producer of a process. Writes are acknowledged by all in-sync replicas (acks -1) before
 * the returned promise resolves; a failure rejects with PublishError after a short, bounded retry.
 */
export class EventPublisher {
  private readonly producer: Producer;
  private connected = false;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({
      allowAutoTopicCreation: false,
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1_000 },
      // The murmur2 partitioner of the Java client: keys land on the same partitions as theirs would.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.producer.on(this.producer.events.DISCONNECT, () => {
      this.connected = false;
    });
    this.producer.on(this.producer.events.CONNECT, () => {
      this.connected = true;
    });
  }

  get isConnected(): boolean {
    return this.connected;
  }

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }

  /** Publishes records to several topics in one request; resolves once every write is acknowledged. */
  async publish(batches: Array<{ topic: string; records: OutgoingRecord[] }>): Promise<void> {
    const topicMessages = batches.filter((batch) => batch.records.length > 0);
    if (topicMessages.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no acknowledgement within ${PUBLISH_DEADLINE_MS} ms`)),
        PUBLISH_DEADLINE_MS,
      );
    });
    const send = async () => {
      if (!this.connected) await this.producer.connect();
      await this.producer.sendBatch({
        acks: -1,
        timeout: 5_000,
        compression: CompressionTypes.None,
        topicMessages: topicMessages.map(({ topic, records }) => ({ topic, messages: records })),
      });
    };
    try {
      await Promise.race([send(), deadline]);
    } catch (error) {
      throw new PublishError(`Kafka did not acknowledge the write: ${(error as Error).message}`, {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }
}
