import { type Consumer, type EachBatchPayload, type Kafka, type KafkaMessage } from 'kafkajs';
import { Counter } from 'prom-client';
import { DeadLetterHeaders, describeErrors, deadLetterTopic, type Validator } from '@newsflow/contracts';
import { type EventPublisher, type OutgoingRecord } from './event-publisher';
import { type KafkaLogger } from './kafka-client';

/** A consumed message whose value passed its schema. */
export interface ConsumedMessage<T> {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: T;
  headers: Record<string, string>;
}

/** Thrown by a handler for a message that can never succeed: it goes to the dead-letter topic at once. */
export class PermanentError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentError';
  }
}

export interface BatchConsumerOptions<T> {
  groupId: string;
  topic: string;
  validate: Validator<T>;
  /**
   * Processes messages in partition order and makes the result durable before resolving. Must be
   * idempotent: after a crash the same messages are delivered again.
   */
  handle: (messages: ConsumedMessage<T>[]) => Promise<void>;
  /** Messages handed to `handle` at once (a fetched batch is cut into chunks of this size). */
  maxChunkSize?: number;
  /** Tries for a message that fails on its own before it is dead-lettered. */
  maxAttempts?: number;
  /** Backoff before the first retry; doubles each time up to maxBackoffMs. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /**
   * When this says a dependency (the database, say) is down, failing messages are not the messages'
   * fault: they are retried until it is back instead of being dead-lettered.
   */
  dependenciesHealthy?: () => Promise<boolean>;
  logger: KafkaLogger;
}

const consumedTotal = new Counter({
  name: 'newsflow_consumer_messages_total',
  help: 'Messages consumed, by topic, consumer group and outcome (processed, dead_lettered)',
  labelNames: ['topic', 'group', 'outcome'] as const,
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function decodeHeaders(message: KafkaMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) headers[name] = first.toString();
  }
  return headers;
}

type Decoded<T> = { ok: true; message: ConsumedMessage<T> } | { ok: false; raw: KafkaMessage; error: string };

/**
 * The one consumer runner (house style rule 4): eachBatch with chunks, schema validation of every
 * message, offsets resolved and committed only after the handler made the work durable, heartbeats
 * while working, a dead-letter topic for poison messages, and a stop that finishes the chunk in
 * hand and commits before leaving the group.
 */
export class BatchConsumer<T> {
  private readonly consumer: Consumer;
  private readonly options: Required<Omit<BatchConsumerOptions<T>, 'dependenciesHealthy'>> &
    Pick<BatchConsumerOptions<T>, 'dependenciesHealthy'>;
  private running = false;
  /** The bytes each decoded message arrived with, so a dead-lettered message keeps them unchanged. */
  private readonly originals = new WeakMap<ConsumedMessage<T>, KafkaMessage>();

  constructor(
    kafka: Kafka,
    private readonly publisher: EventPublisher,
    options: BatchConsumerOptions<T>,
  ) {
    this.options = {
      maxChunkSize: 200,
      maxAttempts: 5,
      initialBackoffMs: 200,
      maxBackoffMs: 5_000,
      ...options,
    };
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      maxBytesPerPartition: 4 * 1024 * 1024,
      // A fetch returns as soon as there is data; this only bounds an idle fetch, and with it how
      // long stop() waits for the fetch in flight.
      maxWaitTimeInMs: 1_000,
    });
  }

  get isRunning(): boolean {
    return this.running;
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.options.topic, fromBeginning: true });
    this.consumer.on(this.consumer.events.CRASH, (event) => {
      const { error, restart } = event.payload;
      this.options.logger.error(
        `consumer ${this.options.groupId} crashed: ${error.message}${restart ? '; restarting' : '; not restarting'}`,
      );
      // kafkajs restarts after retriable errors; when it will not, /health must say so.
      if (!restart) this.running = false;
    });
    await this.consumer.run({
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 1,
      eachBatch: (payload) => this.eachBatch(payload),
    });
    this.running = true;
  }

  /** Stops fetching, lets the chunk in hand finish and commit, then leaves the group. */
  async stop(): Promise<void> {
    this.running = false;
    await this.consumer.disconnect();
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    // kafkajs hands these over as plain closures: calling them detached is how its API is meant to be used.
    const heartbeat = () => payload.heartbeat();
    const isRunning = () => payload.isRunning();
    const { maxChunkSize } = this.options;
    for (let start = 0; start < batch.messages.length; start += maxChunkSize) {
      if (!isRunning() || payload.isStale()) return;
      const chunk = batch.messages.slice(start, start + maxChunkSize);
      const decoded = chunk.map((raw) => this.decode(batch.topic, batch.partition, raw));
      await this.deadLetter(
        batch.topic,
        batch.partition,
        decoded.flatMap((d) => (d.ok ? [] : [{ raw: d.raw, error: d.error, attempts: 0 }])),
      );
      const valid = decoded.flatMap((d) => (d.ok ? [d.message] : []));
      const completed = await this.process(batch.topic, batch.partition, valid, heartbeat, isRunning);
      if (!completed) return; // stopping: leave the rest uncommitted, it is redelivered
      payload.resolveOffset(chunk[chunk.length - 1].offset);
      await payload.commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  private decode(topic: string, partition: number, raw: KafkaMessage): Decoded<T> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.value?.toString('utf8') ?? '');
    } catch (error) {
      return { ok: false, raw, error: `value is not JSON: ${(error as Error).message}` };
    }
    const result = this.options.validate(parsed);
    if (!result.ok) return { ok: false, raw, error: `schema violation: ${describeErrors(result.errors)}` };
    const message: ConsumedMessage<T> = {
      topic,
      partition,
      offset: raw.offset,
      key: raw.key?.toString('utf8') ?? null,
      value: result.value,
      headers: decodeHeaders(raw),
    };
    this.originals.set(message, raw);
    return { ok: true, message };
  }

  /** Returns false when the consumer is stopping before the chunk was finished. */
  private async process(
    topic: string,
    partition: number,
    messages: ConsumedMessage<T>[],
    heartbeat: () => Promise<void>,
    isRunning: () => boolean,
  ): Promise<boolean> {
    if (messages.length === 0) return true;
    if (messages.length === 1) return (await this.processOne(messages[0], heartbeat, isRunning)) === 'done';
    try {
      await this.options.handle(messages);
      consumedTotal.inc({ topic, group: this.options.groupId, outcome: 'processed' }, messages.length);
      return true;
    } catch (error) {
      this.options.logger.warn(
        `${topic}[${partition}] chunk of ${messages.length} failed (${(error as Error).message}); retrying one by one`,
      );
    }
    // Isolate the failure: one message at a time, in order, so that only the poison one is set aside.
    for (const message of messages) {
      const outcome = await this.processOne(message, heartbeat, isRunning);
      if (outcome === 'stopped') return false;
    }
    return true;
  }

  private async processOne(
    message: ConsumedMessage<T>,
    heartbeat: () => Promise<void>,
    isRunning: () => boolean,
  ): Promise<'done' | 'stopped'> {
    const { maxAttempts, initialBackoffMs, maxBackoffMs, groupId } = this.options;
    let attempt = 0;
    for (;;) {
      attempt += 1;
      try {
        await this.options.handle([message]);
        consumedTotal.inc({ topic: message.topic, group: groupId, outcome: 'processed' });
        return 'done';
      } catch (error) {
        const permanent = error instanceof PermanentError;
        if (permanent || attempt >= maxAttempts) {
          if (!permanent && this.options.dependenciesHealthy && !(await this.options.dependenciesHealthy())) {
            // A dependency is down: the message is not at fault. Keep trying, with the longest backoff.
            attempt = maxAttempts - 1;
          } else {
            await this.deadLetter(message.topic, message.partition, [
              { raw: this.originals.get(message)!, error: (error as Error).message, attempts: attempt },
            ]);
            return 'done';
          }
        }
        const delay = Math.min(maxBackoffMs, initialBackoffMs * 2 ** (attempt - 1));
        this.options.logger.warn(
          `${message.topic}[${message.partition}]@${message.offset} failed (attempt ${attempt}): ${(error as Error).message}; retrying in ${delay} ms`,
        );
        for (let waited = 0; waited < delay; waited += 1_000) {
          if (!isRunning()) return 'stopped';
          await sleep(Math.min(1_000, delay - waited));
          await heartbeat();
        }
      }
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    failures: Array<{ raw: KafkaMessage; error: string; attempts: number }>,
  ): Promise<void> {
    if (failures.length === 0) return;
    const records: OutgoingRecord[] = failures.map(({ raw, error, attempts }) => ({
      key: raw.key?.toString('utf8') ?? '',
      value: raw.value ?? Buffer.alloc(0),
      headers: {
        ...decodeHeaders(raw),
        [DeadLetterHeaders.error]: error.slice(0, 4_000),
        [DeadLetterHeaders.sourceTopic]: topic,
        [DeadLetterHeaders.sourcePartition]: String(partition),
        [DeadLetterHeaders.sourceOffset]: raw.offset,
        [DeadLetterHeaders.consumerGroup]: this.options.groupId,
        [DeadLetterHeaders.failedAt]: new Date().toISOString(),
        [DeadLetterHeaders.attempts]: String(attempts),
      },
    }));
    for (const failure of failures) {
      this.options.logger.error(
        `${topic}[${partition}]@${failure.raw.offset} dead-lettered: ${failure.error}`,
      );
    }
    // If the dead-letter write itself fails, this throws: the batch is not committed and comes again.
    await this.publisher.publish([{ topic: deadLetterTopic(topic), records }]);
    consumedTotal.inc({ topic, group: this.options.groupId, outcome: 'dead_lettered' }, failures.length);
  }
}
