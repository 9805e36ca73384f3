import { Type, type TSchema } from '@sinclair/typebox';
import {
  DeadLetterHeaders,
  deadLetterTopic,
  EventSchemasByTopic,
  Headers,
  RawArticleEventSchema,
  TOPIC_PARTITIONS,
  Topics,
  type TopicName,
} from '@newsflow/contracts';
import { plainSchema, type JsonObject } from './openapi-document';

const KAFKA_BINDING_VERSION = '0.5.0';

/** Who writes and who reads each topic (the architecture's topic table). */
const TOPIC_ROLES: Record<
  TopicName,
  { producer: string; consumer: string; message: string; summary: string }
> = {
  [Topics.raw]: {
    producer: 'ingester',
    consumer: 'enricher',
    message: 'rawArticle',
    summary: 'One normalised article version as the ingester accepted it (pushed or polled).',
  },
  [Topics.enriched]: {
    producer: 'enricher',
    consumer: 'indexer',
    message: 'enrichedArticle',
    summary: 'The raw version plus clean text, language, entities with offsets, topics and keywords.',
  },
  [Topics.updates]: {
    producer: 'indexer (outbox relay)',
    consumer: 'anyone downstream',
    message: 'articleUpdate',
    summary:
      'One event per stored article version: created, updated or killed. Relayed from a transactional outbox: at least once, deduplicate by eventId.',
  },
};

const ArticleKey = Type.String({
  pattern: RawArticleEventSchema.properties.articleId.pattern,
  description: 'The article id: every message of one article goes to one partition, in version order',
});

const EventHeadersSchema = Type.Object(
  {
    [Headers.eventId]: Type.String({ format: 'uuid', description: 'The payload’s eventId' }),
    [Headers.schema]: Type.String({
      description: 'The payload’s schema name, e.g. newsflow.article-update.v1',
    }),
    [Headers.ingestedAt]: Type.Optional(
      Type.String({ format: 'date-time', description: 'When the ingester accepted the version' }),
    ),
    [Headers.traceparent]: Type.Optional(
      Type.String({
        pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
        description: 'W3C Trace Context, when the producer had one',
      }),
    ),
  },
  { additionalProperties: true },
);

const DeadLetterHeadersSchema = Type.Object(
  {
    ...Object.fromEntries(
      Object.entries(EventHeadersSchema.properties).map(([name, schema]) => [name, Type.Optional(schema)]),
    ),
    [DeadLetterHeaders.error]: Type.String({
      description: 'Why the stage gave up: field errors (`/version: must be >= 1`) or the last exception',
    }),
    [DeadLetterHeaders.sourceTopic]: Type.String(),
    [DeadLetterHeaders.sourcePartition]: Type.String({ pattern: '^[0-9]+$' }),
    [DeadLetterHeaders.sourceOffset]: Type.String({ pattern: '^[0-9]+$' }),
    [DeadLetterHeaders.consumerGroup]: Type.String(),
    [DeadLetterHeaders.attempts]: Type.String({ pattern: '^[0-9]+$', description: 'Attempts made' }),
    [DeadLetterHeaders.failedAt]: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: true },
);

/** `news.updates.v1` → `newsUpdatesV1`; its dead-letter topic → `newsUpdatesV1Dlq`. */
const channelId = (topic: string): string =>
  topic.replace(/\.([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());

const ref = (pointer: string) => ({ $ref: pointer });

const kafkaChannelBinding = (topic: string) => ({
  kafka: { topic, partitions: TOPIC_PARTITIONS, bindingVersion: KAFKA_BINDING_VERSION },
});

/**
 * The AsyncAPI 3.0 document of Newsflow's topics and dead-letter topics. Payloads refer by `$ref` to
 * the committed JSON Schemas of libs/contracts (`schemaBase` + `<topic>.json`): relative to the file
 * in the repository, relative to the served document when a service serves it.
 */
export function buildAsyncApiDocument(schemaBase: string, version: string): JsonObject {
  const channels: JsonObject = {};
  const operations: JsonObject = {};
  const messages: JsonObject = {};
  for (const topic of Object.values(Topics)) {
    const roles = TOPIC_ROLES[topic];
    const id = channelId(topic);
    const dlq = deadLetterTopic(topic);
    const dlqId = channelId(dlq);
    const schema = EventSchemasByTopic[topic] as TSchema;
    messages[roles.message] = {
      name: roles.message,
      title: schema.title ?? roles.message,
      summary: roles.summary,
      contentType: 'application/json',
      headers: ref('#/components/schemas/eventHeaders'),
      payload: ref(`${schemaBase}${topic}.json`),
      bindings: { kafka: { key: plainSchema(ArticleKey), bindingVersion: KAFKA_BINDING_VERSION } },
    };
    messages[`${roles.message}DeadLetter`] = {
      name: `${roles.message}DeadLetter`,
      title: `Dead letter of ${topic}`,
      summary: `A ${topic} message the ${roles.consumer} gave up on: the original key and bytes, with why.`,
      contentType: 'application/octet-stream',
      headers: ref('#/components/schemas/deadLetterHeaders'),
      payload: {
        description:
          'The original message value, byte for byte: it may be invalid JSON or fail the topic’s schema (that may be why it is here)',
      },
      bindings: { kafka: { key: plainSchema(ArticleKey), bindingVersion: KAFKA_BINDING_VERSION } },
    };
    channels[id] = {
      address: topic,
      title: topic,
      description: `Written by the ${roles.producer}, read by ${roles.consumer}. Keyed by article id.`,
      messages: { [roles.message]: ref(`#/components/messages/${roles.message}`) },
      bindings: kafkaChannelBinding(topic),
    };
    channels[dlqId] = {
      address: dlq,
      title: dlq,
      description: `Messages of ${topic} that a consumer could not process (schema failures at once, others after retries). For operators: inspect and replay.`,
      messages: {
        [`${roles.message}DeadLetter`]: ref(`#/components/messages/${roles.message}DeadLetter`),
      },
      bindings: kafkaChannelBinding(dlq),
    };
    operations[`publish${id[0].toUpperCase()}${id.slice(1)}`] = {
      action: 'send',
      channel: ref(`#/channels/${id}`),
      summary: `The ${roles.producer} publishes ${topic} (acks from all in-sync replicas)`,
      messages: [ref(`#/channels/${id}/messages/${roles.message}`)],
    };
    operations[`consume${id[0].toUpperCase()}${id.slice(1)}`] = {
      action: 'receive',
      channel: ref(`#/channels/${id}`),
      summary: `Read by ${roles.consumer}; offsets are committed after the work is durable`,
      messages: [ref(`#/channels/${id}/messages/${roles.message}`)],
    };
    operations[`deadLetter${id[0].toUpperCase()}${id.slice(1)}`] = {
      action: 'send',
      channel: ref(`#/channels/${dlqId}`),
      summary: `A consumer of ${topic} dead-letters a message it gave up on`,
      messages: [ref(`#/channels/${dlqId}/messages/${roles.message}DeadLetter`)],
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Newsflow topics',
      version,
      description:
        'Kafka topics of Newsflow. Delivery is at least once: every event carries an eventId (also in the `newsflow-event-id` header) to deduplicate on. A breaking change gets a new topic suffix (.v2).',
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'The broker of `npm start` (KAFKA_BROKERS elsewhere)',
      },
    },
    channels,
    operations,
    components: {
      messages,
      schemas: {
        eventHeaders: plainSchema(EventHeadersSchema),
        deadLetterHeaders: plainSchema(DeadLetterHeadersSchema),
      },
    },
  };
}

/** docs/asyncapi.json: payloads refer to the schema files in the repository, relative to docs/. */
export const committedAsyncApiDocument = (version: string): JsonObject =>
  buildAsyncApiDocument('../libs/contracts/schemas/', version);
