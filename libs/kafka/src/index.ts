export {
  BatchConsumer,
  PermanentError,
  type BatchConsumerOptions,
  type ConsumedMessage,
} from './batch-consumer';
export { EventPublisher, PublishError, toJsonRecord, type OutgoingRecord } from './event-publisher';
export { createKafka, parseBrokers, type KafkaConnectionOptions, type KafkaLogger } from './kafka-client';
export { describeCluster, ensureTopics, type TopicSpec } from './topic-admin';
