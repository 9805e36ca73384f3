import { Type } from '@sinclair/typebox';
import { type Kafka } from 'kafkajs';
import { createValidator, DeadLetterHeaders, deadLetterTopic } from '@newsflow/contracts';
import { eventually, testEnv, TopicReader, uniqueSuffix } from '@newsflow/testing';
import { BatchConsumer, PermanentError, type ConsumedMessage } from './batch-consumer';
import { EventPublisher, toJsonRecord } from './event-publisher';
import { createKafka, parseBrokers } from './kafka-client';
import { ensureTopics } from './topic-admin';

const Item = Type.Object({ n: Type.Integer() }, { additionalProperties: false });
const validateItem = createValidator(Item);
const quiet = { error: () => undefined, warn: () => undefined, log: () => undefined };

describe(BatchConsumer.name, () => {
  let kafka: Kafka;
  let publisher: EventPublisher;
  let topic: string;
  const running: Array<BatchConsumer<{ n: number }>> = [];
  const readers: TopicReader[] = [];

  beforeAll(async () => {
    kafka = createKafka({ brokers: parseBrokers(testEnv.kafkaBrokers), clientId: 'batch-consumer-test' });
    publisher = new EventPublisher(kafka);
    await publisher.connect();
  });

  beforeEach(async () => {
    topic = `test.batch-consumer.${uniqueSuffix()}`;
    await ensureTopics(kafka, [
      { topic, numPartitions: 1 },
      { topic: deadLetterTopic(topic), numPartitions: 1 },
    ]);
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((c) => c.stop()));
    await Promise.all(readers.splice(0).map((r) => r.stop()));
  });

  afterAll(async () => {
    await publisher.disconnect();
  });

  const consume = async (
    groupId: string,
    handle: (messages: ConsumedMessage<{ n: number }>[]) => Promise<void>,
  ) => {
    const consumer = new BatchConsumer(kafka, publisher, {
      groupId,
      topic,
      validate: validateItem,
      handle,
      maxAttempts: 3,
      initialBackoffMs: 20,
      logger: quiet,
    });
    await consumer.start();
    running.push(consumer);
    return consumer;
  };

  const send = (values: Array<string | object>) =>
    publisher.publish([
      {
        topic,
        records: values.map((value) =>
          typeof value === 'string' ? { key: 'k', value } : toJsonRecord('k', value, { origin: 'test' }),
        ),
      },
    ]);

  const readDeadLetters = async () => {
    const reader = await new TopicReader(kafka, deadLetterTopic(topic)).start();
    readers.push(reader);
    return reader;
  };

  it('hands over valid messages in order and commits only what was processed', async () => {
    const group = `g-${uniqueSuffix()}`;
    const seen: number[] = [];
    await send([{ n: 1 }, { n: 2 }, { n: 3 }]);
    const first = await consume(group, async (messages) => {
      seen.push(...messages.map((m) => m.value.n));
    });
    await eventually('three messages', async () => (seen.length === 3 ? true : undefined));
    expect(seen).toEqual([1, 2, 3]);
    await first.stop();
    running.splice(running.indexOf(first), 1);

    // A new member of the same group starts after the committed offset: nothing is processed twice.
    await send([{ n: 4 }]);
    await consume(group, async (messages) => {
      seen.push(...messages.map((m) => m.value.n));
    });
    await eventually('the fourth message', async () => (seen.length >= 4 ? true : undefined));
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('dead-letters unparsable and schema-violating messages with their error and keeps going', async () => {
    const seen: number[] = [];
    const deadLetters = await readDeadLetters();
    await send(['{not json', { n: 'seven' }, { n: 8 }]);
    await consume(`g-${uniqueSuffix()}`, async (messages) => {
      seen.push(...messages.map((m) => m.value.n));
    });
    await eventually('two dead letters', async () => (deadLetters.messages.length === 2 ? true : undefined));
    await eventually('the valid message', async () => (seen.length === 1 ? true : undefined));
    expect(seen).toEqual([8]);
    const [unparsable, invalid] = deadLetters.messages;
    expect(unparsable.value).toBe('{not json');
    expect(unparsable.headers[DeadLetterHeaders.error]).toMatch(/not JSON/);
    expect(unparsable.headers[DeadLetterHeaders.sourceTopic]).toBe(topic);
    expect(unparsable.headers[DeadLetterHeaders.sourcePartition]).toBe('0');
    expect(unparsable.headers[DeadLetterHeaders.sourceOffset]).toBe('0');
    expect(invalid.headers[DeadLetterHeaders.error]).toMatch(/\/n: must be integer/);
    expect(invalid.headers[DeadLetterHeaders.sourceOffset]).toBe('1');
  });

  it('isolates a message that keeps failing, dead-letters it after its attempts, and processes the rest', async () => {
    const processed: number[] = [];
    const attemptsOn13 = { count: 0 };
    const deadLetters = await readDeadLetters();
    await send([{ n: 11 }, { n: 12 }, { n: 13 }, { n: 14 }]);
    await consume(`g-${uniqueSuffix()}`, async (messages) => {
      if (messages.some((m) => m.value.n === 13)) {
        if (messages.length === 1) attemptsOn13.count += 1;
        throw new Error('cannot handle 13');
      }
      processed.push(...messages.map((m) => m.value.n));
    });
    await eventually('one dead letter', async () => (deadLetters.messages.length === 1 ? true : undefined));
    await eventually('the others', async () => (processed.length === 3 ? true : undefined));
    expect(processed).toEqual([11, 12, 14]);
    expect(attemptsOn13.count).toBe(3);
    const [dead] = deadLetters.messages;
    expect(JSON.parse(dead.value!)).toEqual({ n: 13 });
    expect(dead.headers).toMatchObject({
      [DeadLetterHeaders.error]: 'cannot handle 13',
      [DeadLetterHeaders.attempts]: '3',
      [DeadLetterHeaders.sourceOffset]: '2',
      origin: 'test',
    });
  });

  it('dead-letters a PermanentError at once, without retrying', async () => {
    let calls = 0;
    const deadLetters = await readDeadLetters();
    await send([{ n: 21 }]);
    await consume(`g-${uniqueSuffix()}`, async () => {
      calls += 1;
      throw new PermanentError('never valid');
    });
    await eventually('the dead letter', async () => (deadLetters.messages.length === 1 ? true : undefined));
    expect(calls).toBe(1);
    expect(deadLetters.messages[0].headers[DeadLetterHeaders.attempts]).toBe('1');
  });

  it('keeps retrying instead of dead-lettering while a dependency is down', async () => {
    let healthy = false;
    let calls = 0;
    const deadLetters = await readDeadLetters();
    await send([{ n: 31 }]);
    const consumer = new BatchConsumer(kafka, publisher, {
      groupId: `g-${uniqueSuffix()}`,
      topic,
      validate: validateItem,
      maxAttempts: 2,
      initialBackoffMs: 20,
      maxBackoffMs: 50,
      logger: quiet,
      dependenciesHealthy: async () => healthy,
      handle: async () => {
        calls += 1;
        if (!healthy) throw new Error('database is down');
      },
    });
    await consumer.start();
    running.push(consumer);
    await eventually('several failed attempts', async () => (calls >= 5 ? true : undefined));
    expect(deadLetters.messages).toHaveLength(0);
    healthy = true;
    const before = calls;
    await eventually('a successful attempt', async () => (calls > before ? true : undefined));
    expect(deadLetters.messages).toHaveLength(0);
  });
});
