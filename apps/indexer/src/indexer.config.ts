import { Type, type Static } from '@sinclair/typebox';
import { DatabaseEnv, KafkaEnv, LogEnv, port } from '@newsflow/config';

export const IndexerConfigSchema = Type.Object({
  INDEXER_PORT: port(3003, 'HTTP port of the indexer (read API, health, metrics)'),
  HOST: Type.String({
    default: '127.0.0.1',
    description: 'Interface the HTTP server binds to (0.0.0.0 in containers)',
  }),
  ...KafkaEnv,
  ...DatabaseEnv,
  ...LogEnv,
  INDEXER_GROUP_ID: Type.String({
    default: 'newsflow-indexer',
    minLength: 1,
    description: 'Kafka consumer group; every indexer instance of one deployment shares it',
  }),
  OUTBOX_POLL_MS: Type.Integer({
    default: 1000,
    minimum: 50,
    description: 'How often the outbox relay looks for unpublished events it was not told about',
  }),
});

export type IndexerConfig = Static<typeof IndexerConfigSchema>;
export const INDEXER_CONFIG = Symbol('INDEXER_CONFIG');
