import { type Kafka } from 'kafkajs';
import { eventually } from './test-env';
import { type TopicReader } from './topic-reader';

async function endOffsets(
  kafka: Kafka,
  topic: string,
): Promise<Array<{ partition: number; low: number; high: number }>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.map(({ partition, low, high }) => ({ partition, low: Number(low), high: Number(high) }));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits until `reader` has seen everything that was on `topic` when this was called. A write that
 * Kafka acknowledged is below the end offsets by then, so afterwards a test can assert that a
 * message did NOT arrive, with no fixed sleep.
 */
export async function readToEnd(
  kafka: Kafka,
  reader: TopicReader,
  topic: string,
  { timeoutMs = 30_000 } = {},
): Promise<void> {
  // A partition whose retained log is empty has nothing to wait for.
  const targets = (await endOffsets(kafka, topic)).filter(({ low, high }) => high > low);
  await eventually(
    `a reader of ${topic} to reach its end offsets`,
    async () => {
      const seen = new Map<number, number>();
      for (const message of reader.messages) {
        seen.set(message.partition, Math.max(seen.get(message.partition) ?? -1, Number(message.offset)));
      }
      return targets.every(({ partition, high }) => (seen.get(partition) ?? -1) >= high - 1)
        ? true
        : undefined;
    },
    { timeoutMs, intervalMs: 50 },
  );
}

/**
 * Commits a consumer group's offsets at the current end of `topic` before the group first runs, so
 * that a service under test with a fresh group consumes only what the test publishes afterwards
 * instead of the topic's whole history (which other tests and earlier runs left there).
 */
export async function startGroupAtEnd(kafka: Kafka, groupId: string, topic: string): Promise<void> {
  const offsets = await endOffsets(kafka, topic);
  // Not admin.setOffsets: it waits out a whole fetch wait (5 s). A short-polling member commits at once.
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: false });
    // run() resolves once the consumer has joined the group: only a member may commit the group's offsets.
    await consumer.run({ autoCommit: false, eachBatch: async () => undefined });
    await consumer.commitOffsets(
      offsets.map(({ partition, high }) => ({ topic, partition, offset: String(high) })),
    );
  } finally {
    await consumer.disconnect();
  }
}
