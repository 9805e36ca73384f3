import { createHash, randomBytes } from 'node:crypto';
import { type Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Topics, type EnrichedArticleEvent } from '@newsflow/contracts';
import { createKafka, EventPublisher, parseBrokers, toJsonRecord } from '@newsflow/kafka';
import {
  enrichedArticleEvent,
  eventually,
  randomArticleId,
  sleep,
  testEnv,
  uniqueSuffix,
  WebhookReceiver,
} from '@newsflow/testing';
import { startTestIndexer, type TestIndexer } from '../testing/test-indexer';
import { type SubscriptionView } from '../subscriptions/subscriptions.schemas';

type Created = SubscriptionView & { secret: string };

describe('Subscriptions and webhooks', () => {
  const run = uniqueSuffix();
  const sourceId = `it-subs-${run}`;
  const otherSourceId = `it-subs-other-${run}`;
  const apiKey = `it-key-${randomBytes(12).toString('hex')}`;
  const otherKey = `it-key-${randomBytes(12).toString('hex')}`;
  const receiver = new WebhookReceiver();
  let indexer: TestIndexer;
  let baseUrl: string;
  let kafka: Kafka;
  let publisher: EventPublisher;
  let db: DataSource;
  const created: string[] = [];

  beforeAll(async () => {
    indexer = await startTestIndexer(`subs-${run}`, {
      NEWSFLOW_OUTBOUND_ALLOWLIST: '127.0.0.1',
      OUTBOX_POLL_MS: '200',
      SUBSCRIPTION_REFRESH_MS: '200',
      // Compressed retries: 300 ms, 600 ms, 1.2 s between the four attempts.
      WEBHOOK_MAX_ATTEMPTS: '4',
      WEBHOOK_BACKOFF_BASE_MS: '300',
      WEBHOOK_TIMEOUT_MS: '3000',
      WEBHOOK_ORDER_WAIT_MS: '30000', // long on purpose: a waiting version must be woken, not polled
      LOG_LEVEL: 'error',
    });
    baseUrl = indexer.baseUrl;
    kafka = createKafka({ brokers: parseBrokers(testEnv.kafkaBrokers), clientId: `it-subs-${run}` });
    db = new DataSource({ type: 'postgres', url: testEnv.databaseUrl });
    await db.initialize();
    for (const [id, key] of [
      [sourceId, apiKey],
      [otherSourceId, otherKey],
    ]) {
      await db.query(`INSERT INTO sources (id, name) VALUES ($1, $1)`, [id]);
      await db.query(`INSERT INTO api_keys (key_hash, source_id) VALUES ($1, $2)`, [
        createHash('sha256').update(key).digest('hex'),
        id,
      ]);
    }
    publisher = new EventPublisher(kafka);
    await publisher.connect();
    await receiver.start();
  });

  afterAll(async () => {
    // Leave no live subscription behind: other test runs' dispatchers share this database.
    if (db?.isInitialized) {
      await db.query(
        `UPDATE subscriptions SET deleted_at = now(), updated_at = now() WHERE id = ANY($1::uuid[])`,
        [created],
      );
      await db.destroy();
    }
    await Promise.all([publisher?.disconnect(), indexer?.stop(), receiver.stop()]);
  });

  const api = async <T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    key = apiKey,
  ): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };

  const subscribe = async (path: string, filter: unknown = { sources: [sourceId] }): Promise<Created> => {
    const response = await api<Created>('POST', '/v1/subscriptions', { url: receiver.url(path), filter });
    expect(response.status).toBe(201);
    created.push(response.body.id);
    receiver.trust(path, response.body.secret);
    return response.body;
  };

  const publish = (...events: EnrichedArticleEvent[]) =>
    publisher.publish([
      { topic: Topics.enriched, records: events.map((event) => toJsonRecord(event.articleId, event)) },
    ]);

  const article = (
    articleId: string,
    version: number,
    extra: Partial<Parameters<typeof enrichedArticleEvent>[0]> = {},
  ) => enrichedArticleEvent({ articleId, version, sourceId, ...extra });

  describe('API', () => {
    it('refuses requests without a valid API key', async () => {
      expect((await api('GET', '/v1/subscriptions', undefined, '')).status).toBe(401);
      expect((await api('GET', '/v1/subscriptions', undefined, 'nope-nope-nope-nope')).status).toBe(401);
    });

    it('validates the body, naming the field', async () => {
      const badType = await api<{ errors: Array<{ path: string }> }>('POST', '/v1/subscriptions', {
        url: receiver.url('/x'),
        filter: { types: ['PERSON', 'people'] },
      });
      expect(badType.status).toBe(400);
      expect(badType.body.errors.map((e) => e.path)).toEqual(['/filter/types/1']);

      const unknownKey = await api<{ errors: Array<{ path: string }> }>('POST', '/v1/subscriptions', {
        url: receiver.url('/x'),
        filter: { colour: 'red' },
      });
      expect(unknownKey.body.errors.map((e) => e.path)).toEqual(['/filter/colour']);

      const emptyQuery = await api<{ errors: Array<{ path: string }> }>('POST', '/v1/subscriptions', {
        url: receiver.url('/x'),
        filter: { query: '"" -' },
      });
      expect(emptyQuery.status).toBe(400);
      expect(emptyQuery.body.errors.map((e) => e.path)).toEqual(['/filter/query']);

      const noUrl = await api<{ errors: Array<{ path: string }> }>('POST', '/v1/subscriptions', {
        filter: {},
      });
      expect(noUrl.body.errors.map((e) => e.path)).toEqual(['/url']);
    });

    it('refuses a private target address unless allowlisted (SSRF guard), naming /url', async () => {
      for (const url of ['http://10.1.2.3/hook', 'http://169.254.169.254/latest', 'ftp://127.0.0.1/x']) {
        const response = await api<{ errors: Array<{ path: string }> }>('POST', '/v1/subscriptions', { url });
        expect(response.status).toBe(400);
        expect(response.body.errors.map((e) => e.path)).toEqual(['/url']);
      }
    });

    it('creates (secret shown once), lists, reads, patches, rotates and deletes, for the owner only', async () => {
      const sub = await subscribe('/crud', { entities: ['Q76'], types: ['PERSON'] });
      expect(sub.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(sub.secret.slice(6), 'base64')).toHaveLength(32);
      expect(sub).toMatchObject({
        url: receiver.url('/crud'),
        status: 'active',
        filter: { entities: ['Q76'] },
      });

      const read = await api<SubscriptionView>('GET', `/v1/subscriptions/${sub.id}`);
      expect(read.status).toBe(200);
      expect(read.body).not.toHaveProperty('secret');
      expect((await api('GET', `/v1/subscriptions/${sub.id}`, undefined, otherKey)).status).toBe(404);

      const list = await api<{ items: SubscriptionView[] }>('GET', '/v1/subscriptions?limit=100');
      expect(list.body.items.map((s) => s.id)).toContain(sub.id);
      const others = await api<{ items: SubscriptionView[] }>(
        'GET',
        '/v1/subscriptions',
        undefined,
        otherKey,
      );
      expect(others.body.items.map((s) => s.id)).not.toContain(sub.id);

      const patched = await api<SubscriptionView>('PATCH', `/v1/subscriptions/${sub.id}`, {
        filter: { topics: ['weather'] },
      });
      expect(patched.status).toBe(200);
      expect(patched.body.filter).toEqual({ topics: ['weather'] });
      const badPatch = await api<{ errors: Array<{ path: string }> }>(
        'PATCH',
        `/v1/subscriptions/${sub.id}`,
        {
          url: 'http://192.168.0.1/',
        },
      );
      expect(badPatch.body.errors.map((e) => e.path)).toEqual(['/url']);

      const rotated = await api<Created>('POST', `/v1/subscriptions/${sub.id}/secret/rotate`);
      expect(rotated.status).toBe(200);
      expect(rotated.body.secret).toMatch(/^whsec_/);
      expect(rotated.body.secret).not.toBe(sub.secret);
      expect(Date.parse(rotated.body.previousSecretValidUntil ?? '')).toBeGreaterThan(
        Date.now() + 23 * 3600_000,
      );

      expect((await api('DELETE', `/v1/subscriptions/${sub.id}`, undefined, otherKey)).status).toBe(404);
      expect((await api('DELETE', `/v1/subscriptions/${sub.id}`)).status).toBe(204);
      expect((await api('GET', `/v1/subscriptions/${sub.id}`)).status).toBe(404);
      expect((await api('GET', `/v1/subscriptions/not-a-uuid`)).status).toBe(400);
    });
  });

  describe('delivery', () => {
    it('delivers matching updates, signed (verified with standardwebhooks), with changes, and nothing else', async () => {
      const person = { id: `Q${run}`, name: 'Ada Lovelace', type: 'PERSON' as const };
      const sub = await subscribe('/entity', { entities: [person.id] });
      await sleep(500); // the matching index refreshes every 200 ms
      const id = randomArticleId();
      const unrelated = randomArticleId();
      await publish(
        article(id, 1, {
          headline: 'Lovelace',
          body: 'Ada Lovelace wrote the first program.',
          entities: [person],
        }),
        article(unrelated, 1, { body: 'Nothing about her here.' }),
      );
      await publish(
        article(id, 2, {
          headline: 'Lovelace',
          body: 'Ada Lovelace wrote the first published program.',
          entities: [person],
        }),
      );

      const deliveries = await eventually('two deliveries', async () => {
        const got = receiver.deliveries('/entity');
        return got.length >= 2 ? got : undefined;
      });
      expect(deliveries.map((d) => [d.body.articleId, d.body.version, d.body.kind])).toEqual([
        [id, 1, 'created'],
        [id, 2, 'updated'],
      ]);
      expect(deliveries[0].id).toBe(deliveries[0].body.eventId);
      expect(deliveries[0].body.changes).toEqual([]);
      expect(deliveries[1].body.changes).toEqual(['body']);
      expect(receiver.rejected.filter((r) => r.path === '/entity')).toEqual([]);

      // The worker records an attempt after the receiver has answered, so the log can trail the receiver.
      const items = await eventually('two attempts in the delivery log', async () => {
        const log = await api<{ items: Array<{ statusCode: number; attempt: number; latencyMs: number }> }>(
          'GET',
          `/v1/subscriptions/${sub.id}/deliveries`,
        );
        return log.body.items.length >= 2 ? log.body.items : undefined;
      });
      expect(items).toHaveLength(2);
      expect(items.every((a) => a.statusCode === 204 && a.attempt === 1 && a.latencyMs >= 0)).toBe(true);
    });

    it('after a rotation signs with both secrets; a receiver holding only the old one still verifies', async () => {
      const sub = await subscribe('/rotated');
      const rotated = await api<Created>('POST', `/v1/subscriptions/${sub.id}/secret/rotate`);
      receiver.trust('/rotated', sub.secret); // the receiver has not picked up the new secret yet
      await sleep(500);
      const id = randomArticleId();
      await publish(article(id, 1));
      const [delivery] = await eventually('a delivery', async () => {
        const got = receiver.deliveries('/rotated');
        return got.length >= 1 ? got : undefined;
      });
      expect(delivery.signatureCount).toBe(2);
      receiver.trust('/rotated', rotated.body.secret);
      await publish(article(id, 2));
      await eventually('a second delivery verified with the new secret', async () =>
        receiver.deliveries('/rotated').length >= 2 ? true : undefined,
      );
    });

    it('never delivers version 2 before version 1: v2 waits while v1 is failing, then both arrive in order', async () => {
      const sub = await subscribe('/ordered');
      let failuresLeft = 2; // v1 fails twice (503), succeeds on its third attempt
      receiver.answer('/ordered', (body) => (body.version === 1 && failuresLeft-- > 0 ? 503 : 200));
      await sleep(500);
      const id = randomArticleId();
      await publish(article(id, 1), article(id, 2), article(id, 3));
      const deliveries = await eventually(
        'three versions delivered',
        async () => {
          const got = receiver.deliveries('/ordered');
          return got.length >= 3 ? got : undefined;
        },
        { timeoutMs: 20_000 },
      );
      expect(deliveries.map((d) => d.body.version)).toEqual([1, 2, 3]);
      // Every request the receiver saw for v2 or v3 came after v1's successful one.
      const all = receiver.received.filter((d) => d.path === '/ordered');
      const firstOk = all.findIndex((d) => d.body.version === 1 && d.status === 200);
      expect(all.slice(0, firstOk).every((d) => d.body.version === 1)).toBe(true);
      expect(all.filter((d) => d.body.version === 1).map((d) => d.status)).toEqual([503, 503, 200]);
      await eventually('five attempts in the delivery log', async () => {
        const listed = await api<{ items: unknown[] }>(
          'GET',
          `/v1/subscriptions/${sub.id}/deliveries?limit=10`,
        );
        return listed.body.items.length >= 5 ? true : undefined;
      });
      const log = await api<{ items: Array<{ statusCode: number }> }>(
        'GET',
        `/v1/subscriptions/${sub.id}/deliveries?limit=2`,
      );
      expect(log.body.items).toHaveLength(2);
      const next = await api<{ items: Array<{ statusCode: number }>; next: string | null }>(
        'GET',
        `/v1/subscriptions/${sub.id}/deliveries?limit=10&cursor=${(log.body as unknown as { next: string }).next}`,
      );
      expect(next.body.items.map((a) => a.statusCode)).toEqual([200, 503, 503]); // keyset: the older attempts
    });

    it('disables a subscription that answers 410, with the reason', async () => {
      const sub = await subscribe('/gone');
      receiver.answer('/gone', 410);
      await sleep(500);
      await publish(article(randomArticleId(), 1));
      const view = await eventually('the subscription disabled', async () => {
        const read = await api<SubscriptionView>('GET', `/v1/subscriptions/${sub.id}`);
        return read.body.status === 'disabled' ? read.body : undefined;
      });
      expect(view.disabledReason).toMatch(/410/);
    });

    it('dead-letters after the last attempt, disables, and delivers everything again on retry', async () => {
      const sub = await subscribe('/failing');
      receiver.answer('/failing', 500);
      await sleep(500);
      const id = randomArticleId();
      await publish(article(id, 1), article(id, 2));
      const view = await eventually(
        'the subscription disabled after 4 attempts',
        async () => {
          const read = await api<SubscriptionView>('GET', `/v1/subscriptions/${sub.id}`);
          return read.body.status === 'disabled' ? read.body : undefined;
        },
        { timeoutMs: 20_000 },
      );
      expect(view.disabledReason).toMatch(/failed 4 times/);
      expect(view.deliveries).toEqual({ pending: 0, delivered: 0, dead: 2 });
      expect(receiver.received.filter((d) => d.path === '/failing' && d.body.version === 2)).toEqual([]);

      receiver.answer('/failing', 200);
      const retry = await api<{ requeued: number }>('POST', `/v1/subscriptions/${sub.id}/deliveries/retry`);
      expect(retry).toEqual({ status: 202, body: { requeued: 2 } });
      const deliveries = await eventually('both delivered after the retry', async () => {
        const got = receiver.deliveries('/failing');
        return got.length >= 2 ? got : undefined;
      });
      expect(deliveries.map((d) => d.body.version)).toEqual([1, 2]);
      const after = await api<SubscriptionView>('GET', `/v1/subscriptions/${sub.id}`);
      expect(after.body).toMatchObject({
        status: 'active',
        deliveries: { pending: 0, delivered: 2, dead: 0 },
      });
    });
  });
});
