import { Type } from '@sinclair/typebox';
import { type ApiOperation } from './openapi-document';

const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  checks: Type.Record(
    Type.String(),
    Type.Object({
      status: Type.Union([Type.Literal('up'), Type.Literal('down')]),
      error: Type.Optional(Type.String()),
    }),
    { description: 'One entry per dependency (kafka, postgres, redis, consumer…)' },
  ),
});

const AnyJsonDocument = Type.Object({}, { additionalProperties: true });

/** The routes every service has: health, metrics and its own OpenAPI document. */
export const platformOperations: ApiOperation[] = [
  {
    method: 'GET',
    path: '/health',
    operationId: 'getHealth',
    summary: 'Readiness: 200 when the service and every dependency it needs answer',
    tags: ['operations'],
    responses: {
      200: { description: 'Ready', content: { 'application/json': HealthSchema } },
      503: {
        description: 'A dependency does not answer (within 3 s); `checks` names it',
        content: { 'application/json': HealthSchema },
      },
    },
  },
  {
    method: 'GET',
    path: '/metrics',
    operationId: 'getMetrics',
    summary: 'Prometheus metrics (text exposition format)',
    tags: ['operations'],
    responses: {
      200: {
        description: 'Process metrics and the service’s own counters',
        content: { 'text/plain; version=0.0.4; charset=utf-8': Type.String() },
      },
    },
  },
  {
    method: 'GET',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This OpenAPI 3.1 document',
    tags: ['documents'],
    responses: { 200: { description: 'The document', content: { 'application/json': AnyJsonDocument } } },
  },
];

/** The routes of a service that also serves the AsyncAPI document and the event JSON Schemas. */
export const asyncApiOperations: ApiOperation[] = [
  {
    method: 'GET',
    path: '/asyncapi.json',
    operationId: 'getAsyncApiDocument',
    summary: 'The AsyncAPI 3.0 document of the Kafka topics',
    description:
      'Message payloads refer to `schemas/<topic>.json` (relative to this document), served below.',
    tags: ['documents'],
    responses: { 200: { description: 'The document', content: { 'application/json': AnyJsonDocument } } },
  },
  {
    method: 'GET',
    path: '/schemas/:name',
    operationId: 'getEventJsonSchema',
    summary: 'The JSON Schema of one topic’s events (the files in libs/contracts/schemas)',
    tags: ['documents'],
    params: Type.Object({
      name: Type.String({ pattern: '^news\\.[a-z]+\\.v[0-9]+\\.json$', examples: ['news.updates.v1.json'] }),
    }),
    responses: {
      200: { description: 'The JSON Schema', content: { 'application/json': AnyJsonDocument } },
      404: { description: 'No topic has that schema' },
    },
  },
];
