import { Type, type Static } from '@sinclair/typebox';
import { assertSameShape, errorResponse, type ApiOperation, type SameShape } from '@newsflow/platform';
import { IngesterConfigSchema } from '../ingester.config';
import { SignatureHeadersSchema, unauthorized, unavailable } from '../ingester-errors.openapi';
import { ArticleInputSchema } from './article-input.schema';
import { type IngestResult } from './articles.service';
import { type DryRunItem, type RejectedItem } from './push-response';

const MAX_BATCH = Number(IngesterConfigSchema.properties.INGEST_MAX_BATCH.default);

export const DryRunQuerySchema = Type.Object({
  dryRun: Type.Optional(
    Type.Union([Type.Literal('true'), Type.Literal('false')], {
      description: '`true`: publish and record nothing; answer 200 with each item as understood',
    }),
  ),
});

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const IngestResultSchema = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9]{32}$', description: 'Stable article id (from source and uri)' }),
  version: Type.Integer({ minimum: 0 }),
  status: Type.Union(
    [Type.Literal('accepted'), Type.Literal('updated'), Type.Literal('duplicate'), Type.Literal('killed')],
    { description: 'accepted: new; updated: next version; duplicate: nothing published; killed: canceled' },
  ),
  reason: Type.Optional(Type.String()),
});
assertSameShape<SameShape<Static<typeof IngestResultSchema>, IngestResult>>();

const FieldErrors = Type.Array(Type.Object({ path: Type.String(), message: Type.String() }));

export const RejectedItemSchema = Type.Object({
  status: Type.Literal('rejected'),
  reason: Type.String(),
  errors: FieldErrors,
});
assertSameShape<SameShape<Static<typeof RejectedItemSchema>, RejectedItem>>();

export const PushItemResultSchema = Type.Union([IngestResultSchema, RejectedItemSchema]);

export const DryRunItemSchema = Type.Object({
  id: NullableString,
  version: Type.Union([Type.Integer(), Type.Null()]),
  status: Type.Union([...IngestResultSchema.properties.status.anyOf, Type.Literal('rejected')]),
  reason: Type.Optional(Type.String()),
  title: NullableString,
  link: NullableString,
  guid: NullableString,
  summary: NullableString,
  content: NullableString,
  published: NullableString,
  updated: NullableString,
  authors: Type.Array(Type.Object({ name: NullableString, email: NullableString, url: NullableString })),
});
assertSameShape<SameShape<Static<typeof DryRunItemSchema>, DryRunItem>>();

export const DryRunResponseSchema = Type.Object({
  items: Type.Array(DryRunItemSchema, { description: 'In input order' }),
});

export const articlesOperations: ApiOperation[] = [
  {
    method: 'POST',
    path: '/v1/articles',
    operationId: 'pushArticles',
    summary: 'Push one article or an array of them (IPTC ninjs 2.x or 1.x fields)',
    description:
      'Answers 202 once Kafka acknowledged every new version, with one result per item (an object for an object, an array in input order for an array). A bad item is answered `rejected` with its errors; the others go through.',
    tags: ['push'],
    security: ['apiKey'],
    query: DryRunQuerySchema,
    headers: SignatureHeadersSchema,
    body: {
      content: {
        'application/json': Type.Union([
          ArticleInputSchema,
          Type.Array(ArticleInputSchema, { minItems: 1, maxItems: MAX_BATCH }),
        ]),
      },
    },
    responses: {
      200: { description: 'Dry run', content: { 'application/json': DryRunResponseSchema } },
      202: {
        description: 'Accepted: one result per item',
        content: {
          'application/json': Type.Union([PushItemResultSchema, Type.Array(PushItemResultSchema)]),
        },
      },
      400: errorResponse('No valid item, malformed JSON or a bad `dryRun`; `errors` names every bad field'),
      401: unauthorized,
      413: errorResponse('Body larger than INGEST_MAX_BODY_BYTES'),
      503: unavailable,
    },
  },
];
