import { Type, type Static } from '@sinclair/typebox';
import { KafkaEnv, LogEnv, port } from '@newsflow/config';

export const EnricherConfigSchema = Type.Object({
  ENRICHER_PORT: port(3002, 'HTTP port of the enricher (health and metrics only)'),
  HOST: Type.String({
    default: '127.0.0.1',
    description: 'Interface the HTTP server binds to (0.0.0.0 in containers)',
  }),
  ...KafkaEnv,
  ...LogEnv,
  ENRICHER_GROUP_ID: Type.String({
    default: 'newsflow-enricher',
    minLength: 1,
    description: 'Kafka consumer group; every enricher instance of one deployment shares it',
  }),
});

export type EnricherConfig = Static<typeof EnricherConfigSchema>;
export const ENRICHER_CONFIG = Symbol('ENRICHER_CONFIG');
