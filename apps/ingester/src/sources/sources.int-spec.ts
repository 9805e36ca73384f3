import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { uniqueSuffix } from '@newsflow/testing';
import { SourcesController } from './sources.controller';
import { startTestIngester, type TestIngester } from '../testing/test-ingester';

describe(SourcesController.name, () => {
  const run = uniqueSuffix();
  const adminKey = `admin-${randomBytes(16).toString('hex')}`;
  let ingester: TestIngester;
  let baseUrl: string;

  beforeAll(async () => {
    ingester = await startTestIngester(`sources-${run}`, {
      NEWSFLOW_ADMIN_API_KEY: adminKey,
    });
    baseUrl = ingester.baseUrl;
  });

  afterAll(async () => {
    await ingester?.stop();
  });

  const admin = (method: string, path: string, body?: unknown, key = adminKey) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  const article = (name: string) => ({
    uri: `urn:newsflow:it-sources:${run}:${name}`,
    headline: 'Tram line extended to the harbour',
    body_text: 'The new stretch opened on Friday.',
    versioncreated: '2026-11-27T08:00:00Z',
  });

  const push = (apiKey: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}/v1/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...headers },
      body,
    });

  const createSource = async (signed: boolean) => {
    const response = await admin('POST', '/v1/sources', {
      id: `it-${signed ? 'signed' : 'plain'}-${uniqueSuffix()}`,
      name: 'Harbour Gazette',
      signed,
    });
    expect(response.status).toBe(201);
    return (await response.json()) as {
      id: string;
      apiKey: { id: string; key: string };
      signingSecret?: string;
    };
  };

  it('creates a source with a key shown once, rotates keys and revokes the old one', async () => {
    const source = await createSource(false);
    expect(source.apiKey.key).toMatch(/^nfk_/);
    expect(source.signingSecret).toBeUndefined();
    expect((await push(source.apiKey.key, JSON.stringify(article('a')))).status).toBe(202);

    const second = (await (await admin('POST', `/v1/sources/${source.id}/keys`)).json()) as {
      id: string;
      key: string;
    };
    expect((await push(second.key, JSON.stringify(article('b')))).status).toBe(202);

    expect((await admin('DELETE', `/v1/sources/${source.id}/keys/${source.apiKey.id}`)).status).toBe(204);
    // Revoking it again, or a key that does not exist, is a 404, not a silent success.
    expect((await admin('DELETE', `/v1/sources/${source.id}/keys/${source.apiKey.id}`)).status).toBe(404);
    expect((await admin('DELETE', `/v1/sources/${source.id}/keys/0000000000000000`)).status).toBe(404);
    const refused = await push(source.apiKey.key, JSON.stringify(article('c')));
    expect(refused.status).toBe(401);
    expect((await push(second.key, JSON.stringify(article('c')))).status).toBe(202);

    const details = (await (await admin('GET', `/v1/sources/${source.id}`)).json()) as {
      keys: Array<{ id: string; revokedAt: string | null }>;
      signed: boolean;
    };
    expect(details.signed).toBe(false);
    expect(details.keys).toEqual([
      expect.objectContaining({ id: source.apiKey.id, revokedAt: expect.any(String) }),
      expect.objectContaining({ id: second.id, revokedAt: null }),
    ]);
    // The key itself is never shown again.
    expect(JSON.stringify(details)).not.toContain(second.key);
  });

  it('refuses a duplicate source id, a bad body, and requests without the admin key', async () => {
    const source = await createSource(false);
    expect((await admin('POST', '/v1/sources', { id: source.id, name: 'Again' })).status).toBe(409);
    const bad = await admin('POST', '/v1/sources', { id: 'Not Valid!', name: '' });
    expect(bad.status).toBe(400);
    expect(
      ((await bad.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path).sort(),
    ).toEqual(['/id', '/name']);
    expect((await admin('GET', `/v1/sources/${source.id}`, undefined, 'wrong-admin-key-123')).status).toBe(
      401,
    );
    expect((await admin('GET', '/v1/sources/no-such-source')).status).toBe(404);
  });

  it('accepts only correctly signed, fresh pushes from a source that signs', async () => {
    const source = await createSource(true);
    expect(source.signingSecret).toMatch(/^whsec_/);
    const signer = new Webhook(source.signingSecret!);
    const signed = (body: string, at = new Date(), id = `msg_${uniqueSuffix()}`) => ({
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': signer.sign(id, at, body),
    });
    const body = JSON.stringify(article('signed'));

    const unsigned = await push(source.apiKey.key, body);
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as { message: string }).message).toMatch(/webhook-id header is missing/);

    expect((await push(source.apiKey.key, body, signed(body))).status).toBe(202);

    const stale = await push(source.apiKey.key, body, signed(body, new Date(Date.now() - 10 * 60_000)));
    expect(stale.status).toBe(401);
    expect(((await stale.json()) as { message: string }).message).toMatch(/timestamp too old/i);

    const tampered = await push(source.apiKey.key, body.replace('Friday', 'Monday'), signed(body));
    expect(tampered.status).toBe(401);
    expect(((await tampered.json()) as { message: string }).message).toMatch(/signature/i);
  });
});
