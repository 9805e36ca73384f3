import { randomBytes } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { Client } from 'pg';
import { Headers, Topics, validateRawArticleEvent, type RawArticleEvent } from '@newsflow/contracts';
import { createKafka, parseBrokers } from '@newsflow/kafka';
import { readToEnd, testEnv, TopicReader, uniqueSuffix } from '@newsflow/testing';
import { IngesterModule } from '../ingester.module';
import { articleIdFor } from './article-identity';
import { SourcesService } from '../sources/sources.service';
import { type IngestResult } from './articles.service';
import { startTestIngester, type TestIngester } from '../testing/test-ingester';

const MAX_BODY_BYTES = 10_000;

interface Source {
  id: string;
  apiKey: string;
}

describe(IngesterModule.name, () => {
  const run = uniqueSuffix();
  // Sources of this file's own (not the shared "dev" source, whose key every ingester started with
  // NEWSFLOW_DEV_API_KEY overwrites): tests running in parallel never revoke each other's keys.
  const sourceA: Source = { id: `it-ingester-${run}-a`, apiKey: randomBytes(16).toString('hex') };
  const sourceB: Source = { id: `it-ingester-${run}-b`, apiKey: randomBytes(16).toString('hex') };
  let ingester: TestIngester;
  let app: INestApplication;
  let baseUrl: string;
  let kafka: Kafka;
  let raw: TopicReader;
  const db = new Client({ connectionString: testEnv.databaseUrl });

  beforeAll(async () => {
    ingester = await startTestIngester(`articles-${run}`, {
      INGEST_MAX_BODY_BYTES: String(MAX_BODY_BYTES),
    });
    app = ingester.app;
    baseUrl = ingester.baseUrl;
    // The app has migrated the database by now, so the sources table exists.
    await db.connect();
    for (const source of [sourceA, sourceB]) {
      await app
        .get(SourcesService)
        .register(source.id, `Integration test source ${source.id}`, source.apiKey);
    }
    kafka = createKafka({ brokers: parseBrokers(testEnv.kafkaBrokers), clientId: `it-ingester-${run}` });
    raw = await new TopicReader(kafka, Topics.raw).start();
  });

  afterAll(async () => {
    // Side by side: each Kafka consumer's stop waits for its fetch in flight.
    await Promise.all([raw?.stop(), ingester?.stop()]);
    await db.end();
  });

  const uri = (name: string): string => `urn:newsflow:it:${run}:${name}`;
  const idOf = (articleUri: string, source: Source = sourceA): string => articleIdFor(source.id, articleUri);

  const article = (articleUri: string, fields: Record<string, unknown> = {}) => ({
    uri: articleUri,
    headline: 'Harbour in Lisbon reopens after the storm',
    body_text: 'The harbour reopened on Monday after three days of repairs.',
    versioncreated: '2026-11-27T08:00:00.000Z',
    language: 'en',
    ...fields,
  });

  /** `apiKey: null` sends no Authorization header. */
  const push = (
    body: unknown,
    { apiKey = sourceA.apiKey, rawBody }: { apiKey?: string | null; rawBody?: string } = {},
  ): Promise<Response> =>
    fetch(`${baseUrl}/v1/articles`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(apiKey !== null ? { authorization: `Bearer ${apiKey}` } : {}),
      },
      body: rawBody ?? JSON.stringify(body),
    });

  async function pushOk<T extends IngestResult | IngestResult[]>(
    body: unknown,
    source = sourceA,
  ): Promise<T> {
    const response = await push(body, { apiKey: source.apiKey });
    if (response.status !== 202)
      throw new Error(`push answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  /**
   * Everything on news.raw.v1 keyed by `id`, in offset order, once the reader has caught up with
   * what Kafka had acknowledged: a push answers 202 only after that, so nothing is still on its way.
   */
  async function published(id: string) {
    await readToEnd(kafka, raw, Topics.raw);
    return raw.messages
      .filter((message) => message.key === id)
      .map((message) => ({ ...message, event: JSON.parse(message.value ?? 'null') as RawArticleEvent }));
  }

  const versionsOn = async (id: string) =>
    (await published(id)).map((m) => [m.event.version, m.event.status]);

  describe('POST /v1/articles', () => {
    it('accepts a new article with 202 and publishes exactly one valid event keyed by its id', async () => {
      const pushed = article(uri('single'), { byline: 'Ana Sousa' });

      const response = await push(pushed);

      expect(response.status).toBe(202);
      const result = (await response.json()) as IngestResult;
      expect(result).toEqual({ id: idOf(pushed.uri), version: 1, status: 'accepted' });
      const messages = await published(result.id);
      expect(messages).toHaveLength(1);
      const [message] = messages;
      expect(validateRawArticleEvent(message.event)).toEqual({ ok: true, value: message.event });
      expect(message.event).toMatchObject({
        articleId: result.id,
        version: 1,
        status: 'accepted',
        sourceId: sourceA.id,
        uri: pushed.uri,
        headline: pushed.headline,
        bodyText: pushed.body_text,
        byline: 'Ana Sousa',
        language: 'en',
        pubStatus: 'usable',
        versionCreated: pushed.versioncreated,
      });
      expect(message.headers[Headers.eventId]).toBe(message.event.eventId);
      expect(message.headers[Headers.schema]).toBe('newsflow.raw-article.v1');
    });

    it('answers an array push with one result per article, in push order', async () => {
      const uris = ['batch-a', 'batch-b', 'batch-c'].map(uri);

      const results = await pushOk<IngestResult[]>(uris.map((u) => article(u)));

      expect(results).toEqual(uris.map((u) => ({ id: idOf(u), version: 1, status: 'accepted' })));
      for (const u of uris) expect(await versionsOn(idOf(u))).toEqual([[1, 'accepted']]);
    });

    it('numbers versions: same content is a duplicate, a new body version 2, a kill version 3, a second kill a duplicate', async () => {
      const storyUri = uri('lifecycle');
      const id = idOf(storyUri);
      const first = article(storyUri, { versioncreated: '2026-11-27T08:00:00Z' });
      expect(await pushOk(first)).toEqual({ id, version: 1, status: 'accepted' });

      const duplicate = { id, version: 1, status: 'duplicate', reason: 'same content as the stored version' };
      expect(await pushOk(first)).toEqual(duplicate);
      // Nor do whitespace and a later versioncreated make the same text a new version.
      expect(
        await pushOk({ ...first, headline: `  ${first.headline} `, versioncreated: '2026-11-27T08:05:00Z' }),
      ).toEqual(duplicate);
      expect(await versionsOn(id)).toEqual([[1, 'accepted']]);

      const edited = { ...first, body_text: 'The harbour reopened on Monday; ferries run again.' };
      expect(await pushOk({ ...edited, versioncreated: '2026-11-27T09:00:00Z' })).toEqual({
        id,
        version: 2,
        status: 'updated',
      });

      const kill = { uri: storyUri, headline: first.headline, pubstatus: 'canceled' };
      expect(await pushOk({ ...kill, versioncreated: '2026-11-27T10:00:00Z' })).toEqual({
        id,
        version: 3,
        status: 'killed',
      });
      expect(await pushOk({ ...kill, versioncreated: '2026-11-27T10:30:00Z' })).toEqual({
        id,
        version: 3,
        status: 'duplicate',
        reason: 'already killed',
      });

      const messages = await published(id);
      expect(messages.map((m) => [m.event.version, m.event.status, m.event.pubStatus])).toEqual([
        [1, 'accepted', 'usable'],
        [2, 'updated', 'usable'],
        [3, 'killed', 'canceled'],
      ]);
      expect(messages[1].event.bodyText).toBe(edited.body_text);
    });

    it('never lets a version with an older versioncreated replace a newer one', async () => {
      const storyUri = uri('late-arrival');
      const id = idOf(storyUri);
      await pushOk(article(storyUri, { versioncreated: '2026-11-27T12:00:00Z' }));

      const late = await pushOk(
        article(storyUri, { body_text: 'An earlier draft.', versioncreated: '2026-11-27T11:00:00Z' }),
      );

      expect(late).toEqual({ id, version: 1, status: 'duplicate', reason: 'older than the stored version' });
      expect(await versionsOn(id)).toEqual([[1, 'accepted']]);
    });

    it('numbers two versions of one story in one push in push order', async () => {
      const storyUri = uri('two-in-one');
      const id = idOf(storyUri);

      const results = await pushOk<IngestResult[]>([
        article(storyUri, { body_text: 'First take.', versioncreated: '2026-11-27T08:00:00Z' }),
        article(storyUri, { body_text: 'Second take.', versioncreated: '2026-11-27T08:01:00Z' }),
      ]);

      expect(results).toEqual([
        { id, version: 1, status: 'accepted' },
        { id, version: 2, status: 'updated' },
      ]);
      const messages = await published(id);
      expect(messages.map((m) => [m.event.version, m.event.bodyText])).toEqual([
        [1, 'First take.'],
        [2, 'Second take.'],
      ]);
    });

    it('numbers 20 concurrent pushes of one new story 1..20, each once, and publishes them in that order', async () => {
      const storyUri = uri('concurrent');
      const id = idOf(storyUri);
      const bodies = Array.from({ length: 20 }, (_, n) => `Live report, update number ${n}.`);

      // All twenty carry the same versioncreated (article() sets it): without one, the ingester stamps
      // each push with its arrival time before taking the row lock, and a push that waited longer for
      // the lock is then dropped as "older than the stored version".
      const results = await Promise.all(
        bodies.map((body) => pushOk<IngestResult>(article(storyUri, { body_text: body }))),
      );

      expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual(bodies.map((_, n) => n + 1));
      expect(results.filter((r) => r.status === 'accepted')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'updated')).toHaveLength(19);
      const messages = await published(id);
      expect(new Set(messages.map((m) => m.partition)).size).toBe(1);
      expect(messages.map((m) => m.event.version)).toEqual(bodies.map((_, n) => n + 1));
      // The version each newsroom was told is the one that carries its text.
      for (const [n, result] of results.entries()) {
        expect(messages[result.version - 1].event.bodyText).toBe(bodies[n]);
      }
    });

    it('answers a mixed push per item: bad items rejected with every bad field named, good ones published', async () => {
      const good = article(uri('good-in-bad-batch'));
      const noBody = { uri: uri('no-body'), headline: 'A story without a body' };
      const badFields = article(uri('bad-fields'), { language: 'not a language', pubstatus: 'deleted' });

      const response = await push([good, { uri: '', headline: 42, body_text: 'x' }, noBody, badFields]);

      expect(response.status).toBe(202);
      const results = (await response.json()) as Array<{
        status: string;
        id?: string;
        errors?: Array<{ path: string; message: string }>;
      }>;
      expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'rejected', 'rejected']);
      expect(results[0]).toEqual({ id: idOf(good.uri), version: 1, status: 'accepted' });
      expect(
        results
          .slice(1)
          .flatMap((r) => r.errors!.map((e) => e.path))
          .sort(),
      ).toEqual(['/1/headline', '/1/uri', '/2/body_text', '/3/language', '/3/pubstatus']);
      expect(results[2]).toMatchObject({
        status: 'rejected',
        reason: '/2/body_text: body_text, body_html or bodies[] is required',
      });
      expect(await published(idOf(good.uri))).toHaveLength(1);
      for (const u of [noBody.uri, badFields.uri]) expect(await published(idOf(u))).toEqual([]);
    });

    it('rejects a push with no valid item with 400 naming every bad field, and publishes nothing', async () => {
      const noBody = { uri: uri('only-bad-1'), headline: 'A story without a body' };
      const response = await push([noBody, { uri: uri('only-bad-2'), headline: 42, body_text: 'x' }]);

      expect(response.status).toBe(400);
      const body = (await response.json()) as { message: string; errors: Array<{ path: string }> };
      expect(body.errors.map((e) => e.path).sort()).toEqual(['/0/body_text', '/1/headline']);
      expect(body.message).toMatch(/nothing was published/);
      expect(await published(idOf(noBody.uri))).toEqual([]);
    });

    it('shows with ?dryRun=true what each item would become, without publishing or recording anything', async () => {
      const known = article(uri('dry-known'));
      await pushOk(known);
      const fresh = article(uri('dry-new'), { byline: 'Desk Writer', description_text: 'In short.' });

      const response = await fetch(`${baseUrl}/v1/articles?dryRun=true`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${sourceA.apiKey}` },
        body: JSON.stringify([fresh, known, { uri: uri('dry-bad') }]),
      });

      expect(response.status).toBe(200);
      const { items } = (await response.json()) as { items: Array<Record<string, unknown>> };
      expect(items).toEqual([
        {
          id: idOf(fresh.uri),
          version: 1,
          status: 'accepted',
          title: fresh.headline,
          link: null,
          guid: fresh.uri,
          summary: 'In short.',
          content: fresh.body_text,
          published: null,
          updated: fresh.versioncreated,
          authors: [{ name: 'Desk Writer', email: null, url: null }],
        },
        expect.objectContaining({ id: idOf(known.uri), version: 1, status: 'duplicate' }),
        expect.objectContaining({
          id: null,
          status: 'rejected',
          reason: expect.stringContaining('/2/headline'),
        }),
      ]);
      expect(await published(idOf(fresh.uri))).toEqual([]);
      // Nothing was recorded: the real push still creates version 1.
      expect(await pushOk(fresh)).toEqual({ id: idOf(fresh.uri), version: 1, status: 'accepted' });
    });

    it('rejects a single bad article naming its fields from the root (/uri, not /0/uri)', async () => {
      const response = await push({ headline: '', body_text: 'text' });

      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: Array<{ path: string }> };
      expect(body.errors.map((e) => e.path).sort()).toEqual(['/headline', '/uri']);
    });

    it('rejects malformed JSON with 400', async () => {
      const response = await push(undefined, { rawBody: '{"uri": "urn:x", "headline": ' });

      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/not valid JSON/);
    });

    it(`rejects a body over INGEST_MAX_BODY_BYTES (${MAX_BODY_BYTES}) with 413 and publishes nothing`, async () => {
      const big = article(uri('too-big'), { body_text: 'word '.repeat(MAX_BODY_BYTES / 5) });

      const response = await push(big);

      expect(response.status).toBe(413);
      expect(((await response.json()) as { message: string }).message).toMatch(/too large/);
      expect(await published(idOf(big.uri))).toEqual([]);
    });

    it('rejects a push without an API key or with an unknown one with 401', async () => {
      const pushed = article(uri('unauthenticated'));

      const withoutKey = await push(pushed, { apiKey: null });
      const unknownKey = await push(pushed, { apiKey: randomBytes(16).toString('hex') });

      expect(withoutKey.status).toBe(401);
      expect(((await withoutKey.json()) as { message: string }).message).toMatch(/missing Authorization/);
      expect(unknownKey.status).toBe(401);
      expect(((await unknownKey.json()) as { message: string }).message).toBe('unknown or revoked API key');
      expect(await published(idOf(pushed.uri))).toEqual([]);
    });

    it('gives the same uri from two different sources two different ids', async () => {
      const shared = article(uri('shared-uri'));

      const fromA = await pushOk<IngestResult>(shared, sourceA);
      const fromB = await pushOk<IngestResult>(shared, sourceB);

      expect(fromA).toEqual({ id: idOf(shared.uri, sourceA), version: 1, status: 'accepted' });
      expect(fromB).toEqual({ id: idOf(shared.uri, sourceB), version: 1, status: 'accepted' });
      expect(fromA.id).not.toBe(fromB.id);
      expect((await published(fromA.id)).map((m) => m.event.sourceId)).toEqual([sourceA.id]);
      expect((await published(fromB.id)).map((m) => m.event.sourceId)).toEqual([sourceB.id]);
    });
  });

  describe('GET /health', () => {
    it('answers 200 with kafka and postgres up', async () => {
      const response = await fetch(`${baseUrl}/health`);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        status: 'ok',
        checks: { kafka: { status: 'up' }, postgres: { status: 'up' }, redis: { status: 'up' } },
      });
    });
  });

  describe('GET /metrics', () => {
    const acceptedCount = async (): Promise<number> => {
      const response = await fetch(`${baseUrl}/metrics`);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toContain('# TYPE newsflow_ingest_articles_total counter');
      const match = /^newsflow_ingest_articles_total\{status="accepted"\} (\d+)$/m.exec(text);
      return match ? Number(match[1]) : 0;
    };

    it('counts pushed articles by outcome in newsflow_ingest_articles_total', async () => {
      const before = await acceptedCount();

      await pushOk(article(uri('counted')));

      expect(await acceptedCount()).toBe(before + 1);
    });
  });
});
