import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Topics } from '@newsflow/contracts';
import { createKafka, parseBrokers } from '@newsflow/kafka';
import {
  eventually,
  ServiceProcess,
  sleep,
  startGroupAtEnd,
  testEnv,
  uniqueSuffix,
  WebhookReceiver,
  type ReceivedWebhook,
} from '@newsflow/testing';

/**
 * Fan-out end to end: ingester → enricher → indexer (api + indexing) → relay (its own process) →
 * webhook dispatcher and worker (their own process) → local receivers that verify every delivery
 * with the reference `standardwebhooks` package. The relay and the webhook process are killed with
 * SIGKILL mid-run and restarted. Own ports (14001–14005) and per-run group ids and Redis prefix, so
 * it never meets the pipeline spec's services or an earlier run's jobs.
 */
describe('fan-out: subscriptions and signed webhooks through the whole pipeline, with kill -9', () => {
  const run = uniqueSuffix();
  const marker = `fanout${run}`; // a word only this run's articles contain: every filter includes it
  const apiKey = `e2e-fanout-${randomBytes(16).toString('hex')}`;
  const ports = { ingester: 14001, enricher: 14002, indexer: 14003, relay: 14004, webhooks: 14005 } as const;
  const env = {
    KAFKA_BROKERS: testEnv.kafkaBrokers,
    DATABASE_URL: testEnv.databaseUrl,
    REDIS_URL: testEnv.redisUrl,
    REDIS_KEY_PREFIX: `e2e-fanout-${run}`,
    NEWSFLOW_DEV_API_KEY: apiKey,
    NEWSFLOW_OUTBOUND_ALLOWLIST: '127.0.0.1',
    INGESTER_PORT: String(ports.ingester),
    ENRICHER_PORT: String(ports.enricher),
    ENRICHER_GROUP_ID: `e2e-fanout-enricher-${run}`,
    INDEXER_GROUP_ID: `e2e-fanout-indexer-${run}`,
    WEBHOOK_GROUP_ID: `e2e-fanout-webhooks-${run}`,
    OUTBOX_POLL_MS: '200',
    SUBSCRIPTION_REFRESH_MS: '300',
    // Retries compressed from about a day to minutes: 0.2 s, 0.4 s, 0.8 s … over 12 attempts.
    WEBHOOK_MAX_ATTEMPTS: '12',
    WEBHOOK_BACKOFF_BASE_MS: '200',
    WEBHOOK_TIMEOUT_MS: '2000',
    // A delivery whose worker was killed is taken over after about this long.
    WEBHOOK_LOCK_MS: '3000',
    WEBHOOK_ORDER_WAIT_MS: '5000',
  };
  const indexer = (port: number, roles: string) =>
    new ServiceProcess('indexer', port, {
      ...env,
      INDEXER_PORT: String(port),
      INDEXER_ROLES: roles,
      KAFKA_CLIENT_ID_SUFFIX: `-${roles.replace(/,/g, '-')}`,
    });
  const services = {
    indexer: indexer(ports.indexer, 'api,indexing'),
    relay: indexer(ports.relay, 'relay'),
    webhooks: indexer(ports.webhooks, 'webhooks'),
    enricher: new ServiceProcess('enricher', ports.enricher, env),
    ingester: new ServiceProcess('ingester', ports.ingester, env),
  };
  const receiver = new WebhookReceiver();
  const flaky = new WebhookReceiver(); // the subscriber that is down for a while
  const db = new Client({ connectionString: testEnv.databaseUrl });
  const subscriptionIds: string[] = [];

  const PLACES = ['Nairobi', 'Lisbon', 'Osaka'];
  const ARTICLES = 6;
  const VERSIONS = 3;
  const articleBody = (n: number, version: number) => ({
    uri: `urn:newsflow:e2e-fanout:${run}:${n}`,
    headline: `Harbour authority in ${PLACES[n % PLACES.length]} reopens berth ${n}`,
    body_html:
      `<p>${PLACES[n % PLACES.length]} — The harbour authority reopened berth ${n} on Tuesday after repairs, ` +
      `said Daniel Brandt, who leads the works (${marker}).</p><p>Revision ${version} of this report.</p>`,
    versioncreated: new Date(Date.UTC(2026, 10, 27, 9, version, n)).toISOString(),
    language: 'en',
  });

  beforeAll(async () => {
    const kafka = createKafka({ brokers: parseBrokers(testEnv.kafkaBrokers), clientId: `e2e-fanout-${run}` });
    await Promise.all([
      startGroupAtEnd(kafka, env.ENRICHER_GROUP_ID, Topics.raw),
      startGroupAtEnd(kafka, env.INDEXER_GROUP_ID, Topics.enriched),
      startGroupAtEnd(kafka, env.WEBHOOK_GROUP_ID, Topics.updates),
    ]);
    await db.connect();
    await Promise.all([receiver.start(), flaky.start()]);
    // The indexer migrates the database; the others start once the schema is there.
    await services.indexer.start();
    await Promise.all([
      services.relay.start(),
      services.webhooks.start(),
      services.enricher.start(),
      services.ingester.start(),
    ]);
  });

  afterAll(async () => {
    if (subscriptionIds.length > 0) {
      await db
        .query(`UPDATE subscriptions SET deleted_at = now(), updated_at = now() WHERE id = ANY($1::uuid[])`, [
          subscriptionIds,
        ])
        .catch(() => undefined);
    }
    await Promise.all(Object.values(services).map((service) => service.stop()));
    await Promise.all([receiver.stop(), flaky.stop(), db.end()]);
  });

  const subscribe = async (target: WebhookReceiver, path: string, filter: unknown) => {
    const response = await fetch(`http://127.0.0.1:${ports.indexer}/v1/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ url: target.url(path), filter }),
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; secret: string };
    target.trust(path, body.secret);
    subscriptionIds.push(body.id);
    return body.id;
  };

  const push = async (version: number) => {
    const response = await fetch(`http://127.0.0.1:${ports.ingester}/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify(Array.from({ length: ARTICLES }, (_, n) => articleBody(n, version))),
    });
    expect(response.status).toBe(202);
    const results = (await response.json()) as Array<{ id: string; version: number; status: string }>;
    expect(results.map((r) => r.version)).toEqual(Array(ARTICLES).fill(version));
    return results.map((r) => r.id);
  };

  /** Per article, the versions in the order they first arrived (deduplicated by webhook-id). */
  const versionsByArticle = (deliveries: ReceivedWebhook[]) => {
    const byArticle = new Map<string, number[]>();
    for (const d of deliveries)
      byArticle.set(d.body.articleId, [...(byArticle.get(d.body.articleId) ?? []), d.body.version]);
    return byArticle;
  };

  it('delivers every matching update once (after dedup by webhook-id), in version order, through kill -9s and an outage', async () => {
    const everything = await subscribe(receiver, '/everything', { query: marker });
    const nairobi = await subscribe(receiver, '/nairobi', {
      query: marker,
      entities: ['Nairobi'],
      types: ['LOCATION'],
    });
    const updatesOnly = await subscribe(receiver, '/updates', { query: marker, types: ['updated'] });
    const down = await subscribe(flaky, '/down', { query: marker });
    const gone = await subscribe(receiver, '/gone', { query: marker });
    receiver.answer('/gone', 410);
    expect([everything, nairobi, updatesOnly, down, gone]).toHaveLength(5);
    await sleep(1_000); // the webhook process's matching index refreshes every 300 ms

    // The flaky subscriber: connection refused at first, then 503s, then fine (see below).
    await flaky.stop();

    const ids = await push(1);
    // Mid-run: once deliveries are flowing, kill -9 the webhook process (deliveries in flight) and the relay.
    await eventually(
      'first deliveries',
      async () => (receiver.deliveries('/everything').length >= 1 ? true : undefined),
      {
        timeoutMs: 60_000,
        intervalMs: 20,
      },
    );
    const killed = await Promise.all([services.webhooks.stop('SIGKILL'), services.relay.stop('SIGKILL')]);
    expect(killed).toEqual(['SIGKILL', 'SIGKILL']);
    const deliveredBeforeKill = receiver.deliveries('/everything').length;
    await push(2);
    await push(3);
    await sleep(1_000);
    await Promise.all([services.relay.start(), services.webhooks.start()]);

    // The flaky subscriber comes back answering 503 for a while, then 200.
    await flaky.start();
    flaky.answer('/down', 503);
    await sleep(3_000);
    flaky.answer('/down', 200);

    const total = ARTICLES * VERSIONS;
    await eventually(
      'every subscriber to have every update',
      async () =>
        receiver.deliveries('/everything').length >= total &&
        flaky.deliveries('/down').length >= total &&
        receiver.deliveries('/updates').length >= ARTICLES * (VERSIONS - 1) &&
        receiver.deliveries('/nairobi').length >= 2 * VERSIONS
          ? true
          : undefined,
      { timeoutMs: 120_000, intervalMs: 250 },
    );

    const expected = new Map(ids.map((id) => [id, [1, 2, 3]]));
    // Every delivery verified with standardwebhooks' Webhook.verify (an unverifiable one would be here).
    expect([...receiver.rejected, ...flaky.rejected]).toEqual([]);
    for (const [target, path] of [
      [receiver, '/everything'],
      [flaky, '/down'],
    ] as const) {
      const deduplicated = target.deliveries(path);
      expect(deduplicated).toHaveLength(total);
      // One webhook-id per (article, version): no update delivered twice under different ids.
      expect(new Set(deduplicated.map((d) => `${d.body.articleId}@${d.body.version}`)).size).toBe(total);
      expect(versionsByArticle(deduplicated)).toEqual(expected);
    }
    const nairobiIds = ids.filter((_, n) => PLACES[n % PLACES.length] === 'Nairobi');
    expect(versionsByArticle(receiver.deliveries('/nairobi'))).toEqual(
      new Map(nairobiIds.map((id) => [id, [1, 2, 3]])),
    );
    expect(versionsByArticle(receiver.deliveries('/updates'))).toEqual(
      new Map(ids.map((id) => [id, [2, 3]])),
    );

    // The subscriber answering 410 is disabled, with the reason, and got nothing after that answer.
    const response = await fetch(`http://127.0.0.1:${ports.indexer}/v1/subscriptions/${gone}`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    const view = (await response.json()) as { status: string; disabledReason: string };
    expect(view).toMatchObject({ status: 'disabled', disabledReason: expect.stringMatching(/410/) });
    const goneRequests = receiver.received.filter((d) => d.path === '/gone');
    expect(goneRequests.length).toBeGreaterThanOrEqual(1);
    expect(goneRequests.length).toBeLessThanOrEqual(ARTICLES); // only first versions were in flight
    expect(goneRequests.every((d) => d.status === 410 && d.body.version === 1)).toBe(true);

    // The delivery log shows the outage: refused connections and 503s before the successes.
    const log = await fetch(
      `http://127.0.0.1:${ports.indexer}/v1/subscriptions/${down}/deliveries?limit=100`,
      {
        headers: { authorization: `Bearer ${apiKey}` },
      },
    );
    const attempts = (
      (await log.json()) as { items: Array<{ statusCode: number | null; error: string | null }> }
    ).items;
    expect(attempts.some((a) => a.statusCode === null && a.error !== null)).toBe(true);
    expect(attempts.some((a) => a.statusCode === 503)).toBe(true);

    // A clean stop (SIGTERM) lets the worker finish what it holds and exits 0.
    expect(await services.webhooks.stop('SIGTERM')).toBe(0);
    expect(await services.relay.stop('SIGTERM')).toBe(0);

    const duplicates = receiver.rawDeliveries('/everything').length - total;
    process.stdout.write(
      `fan-out e2e: ${deliveredBeforeKill} of ${total} delivered to /everything before the kill -9s; ` +
        `${duplicates} redelivered duplicates (same webhook-id) after dedup; ` +
        `/down answered ${attempts.filter((a) => a.statusCode !== 200).length} failed attempts before recovering\n`,
    );
  });
});
