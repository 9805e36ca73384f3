import { Type } from '@sinclair/typebox';
import { errorResponse, RETRY_AFTER_SECONDS, type ApiResponse } from '@newsflow/platform';

/** Answers every authenticated write of the ingester may give. */
export const unauthorized = errorResponse(
  'Missing, unknown or revoked API key; or, for a source that signs, a missing or bad signature',
);

export const unavailable: ApiResponse = {
  ...errorResponse('Kafka or PostgreSQL is unavailable: nothing was published, nothing recorded'),
  headers: {
    'Retry-After': {
      description: `Seconds to wait before retrying (${RETRY_AFTER_SECONDS})`,
      schema: Type.Integer(),
    },
  },
};

/** The Standard Webhooks headers a source created with `signed: true` must send. */
export const SignatureHeadersSchema = Type.Object({
  'webhook-id': Type.Optional(Type.String({ description: 'Signed sources: a unique id of this push' })),
  'webhook-timestamp': Type.Optional(
    Type.String({
      pattern: '^[0-9]+$',
      description: 'Signed sources: Unix seconds, within 5 minutes of now',
    }),
  ),
  'webhook-signature': Type.Optional(
    Type.String({
      description: 'Signed sources: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` (space-separated list)',
    }),
  ),
});
