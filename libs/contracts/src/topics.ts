/**
 * Topic names. NEVER rename one: consumers, offsets and retained data are bound to these strings.
 * A breaking change to an event gets a new topic with the next suffix (news.raw.v2), not an edit here.
 */
export const Topics = {
  raw: 'news.raw.v1',
  enriched: 'news.enriched.v1',
  updates: 'news.updates.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** The dead-letter topic of a topic: where the stage that gave up on a message puts it, with its error. */
export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;

/** Partition counts the project creates its topics with (broker auto-creation is off). */
export const TOPIC_PARTITIONS = 6;

/** Every topic the project owns, dead-letter topics included. */
export const allTopics = (): string[] =>
  Object.values(Topics).flatMap((topic) => [topic, deadLetterTopic(topic)]);

/** Header names carried on every event. Never rename: other languages' consumers read them. */
export const Headers = {
  eventId: 'newsflow-event-id',
  schema: 'newsflow-schema',
  ingestedAt: 'newsflow-ingested-at',
  traceparent: 'traceparent',
} as const;

/** Headers a stage adds when it dead-letters a message. */
export const DeadLetterHeaders = {
  error: 'dlq-error',
  sourceTopic: 'dlq-source-topic',
  sourcePartition: 'dlq-source-partition',
  sourceOffset: 'dlq-source-offset',
  consumerGroup: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
  attempts: 'dlq-attempts',
} as const;
