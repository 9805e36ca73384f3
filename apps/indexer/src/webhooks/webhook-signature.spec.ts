import { createHmac, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { signWebhook } from './webhook-signature';

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

describe('signWebhook', () => {
  const body = JSON.stringify({ eventId: 'e', kind: 'created' });
  const at = new Date('2026-11-27T20:00:00Z');

  it('produces Standard Webhooks headers: id, unix seconds, v1,<base64 HMAC-SHA256 of "id.timestamp.body">', () => {
    const secret = newSecret();
    const headers = signWebhook('evt-1', at, body, [secret]);
    expect(headers['webhook-id']).toBe('evt-1');
    expect(headers['webhook-timestamp']).toBe(String(at.getTime() / 1000));
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key)
      .update(`evt-1.${at.getTime() / 1000}.${body}`)
      .digest('base64');
    expect(headers['webhook-signature']).toBe(`v1,${expected}`);
  });

  it('signs with every secret given (rotation), and a receiver holding either verifies', () => {
    const [current, previous] = [newSecret(), newSecret()];
    const now = new Date();
    const headers = signWebhook('evt-2', now, body, [current, previous]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(new Webhook(previous).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(() => new Webhook(newSecret()).verify(body, { ...headers })).toThrow();
  });
});
