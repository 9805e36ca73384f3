import { Type, type Static } from '@sinclair/typebox';
import { assertSameShape, errorResponse, type ApiOperation, type SameShape } from '@newsflow/platform';
import { CreateSourceSchema } from './sources.controller';
import { type SourceDetails } from './sources.repository';
import { type IssuedKey, type SourcesService } from './sources.service';

export const IssuedKeySchema = Type.Object({
  id: Type.String({ description: 'Public id of the key (the start of its hash)' }),
  key: Type.String({ description: 'The API key itself: shown this once, stored only hashed' }),
});
assertSameShape<SameShape<Static<typeof IssuedKeySchema>, IssuedKey>>();

export const CreatedSourceSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  apiKey: IssuedKeySchema,
  signingSecret: Type.Optional(
    Type.String({ description: 'With `signed: true`: the `whsec_…` secret to sign pushes with, shown once' }),
  ),
});
assertSameShape<
  SameShape<Static<typeof CreatedSourceSchema>, Awaited<ReturnType<SourcesService['create']>>>
>();

export const SourceDetailsSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  signed: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  keys: Type.Array(
    Type.Object({
      id: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
      revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    }),
  ),
});
assertSameShape<SameShape<Static<typeof SourceDetailsSchema>, SourceDetails>>();

const SourceIdParams = Type.Object({ id: CreateSourceSchema.properties.id });
const adminErrors = {
  401: errorResponse('Missing or wrong admin key'),
  403: errorResponse('Source administration is off (NEWSFLOW_ADMIN_API_KEY is not set)'),
};

export const sourcesOperations: ApiOperation[] = [
  {
    method: 'POST',
    path: '/v1/sources',
    operationId: 'createSource',
    summary: 'Create a source with its first API key (and a signing secret with `signed: true`)',
    tags: ['sources'],
    security: ['adminKey'],
    body: { content: { 'application/json': CreateSourceSchema } },
    responses: {
      201: {
        description: 'Created; the key and secret are shown only here',
        content: { 'application/json': CreatedSourceSchema },
      },
      400: errorResponse('Invalid body; `errors` names each bad field'),
      ...adminErrors,
      409: errorResponse('The source exists'),
    },
  },
  {
    method: 'GET',
    path: '/v1/sources/:id',
    operationId: 'getSource',
    summary: 'A source and its keys (ids and dates, never the keys)',
    tags: ['sources'],
    security: ['adminKey'],
    params: SourceIdParams,
    responses: {
      200: { description: 'The source', content: { 'application/json': SourceDetailsSchema } },
      ...adminErrors,
      404: errorResponse('No such source'),
    },
  },
  {
    method: 'POST',
    path: '/v1/sources/:id/keys',
    operationId: 'addSourceKey',
    summary: 'Issue another API key (rotation: the others stay valid until revoked)',
    tags: ['sources'],
    security: ['adminKey'],
    params: SourceIdParams,
    responses: {
      201: { description: 'The new key, shown once', content: { 'application/json': IssuedKeySchema } },
      ...adminErrors,
      404: errorResponse('No such source'),
    },
  },
  {
    method: 'DELETE',
    path: '/v1/sources/:id/keys/:keyId',
    operationId: 'revokeSourceKey',
    summary: 'Revoke one key',
    tags: ['sources'],
    security: ['adminKey'],
    params: Type.Object({
      id: CreateSourceSchema.properties.id,
      keyId: Type.String({ description: 'Key id' }),
    }),
    responses: {
      204: { description: 'Revoked' },
      ...adminErrors,
      404: errorResponse('The source has no active key with that id'),
    },
  },
];
