import { Type, type Static } from '@sinclair/typebox';
import { DatabaseEnv, KafkaEnv, LogEnv, port } from '@newsflow/config';

export const IngesterConfigSchema = Type.Object({
  INGESTER_PORT: port(3001, 'HTTP port of the ingester'),
  HOST: Type.String({
    default: '127.0.0.1',
    description: 'Interface the HTTP server binds to (0.0.0.0 in containers)',
  }),
  ...KafkaEnv,
  ...DatabaseEnv,
  ...LogEnv,
  NEWSFLOW_DEV_API_KEY: Type.Optional(
    Type.String({
      minLength: 16,
      description: 'When set, a development source with this API key is registered',
    }),
  ),
  NEWSFLOW_ADMIN_API_KEY: Type.Optional(
    Type.String({
      minLength: 16,
      description: 'Bearer key for the source administration routes (/v1/sources)',
    }),
  ),
  INGEST_MAX_BODY_BYTES: Type.Integer({
    default: 5 * 1024 * 1024,
    minimum: 1024,
    description: 'Largest push body accepted; larger ones get 413',
  }),
  INGEST_MAX_BATCH: Type.Integer({
    default: 500,
    minimum: 1,
    maximum: 5000,
    description: 'Most articles in one push',
  }),
});

export type IngesterConfig = Static<typeof IngesterConfigSchema>;
export const INGESTER_CONFIG = Symbol('INGESTER_CONFIG');
