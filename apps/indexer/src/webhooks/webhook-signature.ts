import { Webhook } from 'standardwebhooks';

export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Standard Webhooks headers for one request: `webhook-signature` holds one `v1,<base64 HMAC-SHA256
 * of "id.timestamp.body">` per secret, space-separated — during a rotation's grace period both the
 * new and the old secret sign, so a receiver holding either verifies. Signed with the reference
 * `standardwebhooks` package rather than our own HMAC code.
 */
export function signWebhook(
  eventId: string,
  timestamp: Date,
  body: string,
  secrets: readonly string[],
): WebhookHeaders {
  return {
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': secrets
      .map((secret) => new Webhook(secret).sign(eventId, timestamp, body))
      .join(' '),
  };
}
