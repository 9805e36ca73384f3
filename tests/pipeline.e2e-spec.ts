import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Topics, deadLetterTopic, DeadLetterHeaders } from '@newsflow/contracts';
import { EventPublisher } from '@newsflow/kafka';
import { eventually, TopicReader, uniqueSuffix } from '@newsflow/testing';
import { makeArticle } from './articles.fixture';
import { PipelineHarness, type ArticleView, type PushResult } from './pipeline-harness';

const inBatches = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

describe('pipeline: ingester → enricher → indexer as separate processes', () => {
  const stack = new PipelineHarness();

  beforeAll(async () => {
    await stack.start();
  });

  afterAll(async () => {
    await stack.stop();
  });

  it('pushes an article and reads it back from the indexer with its entities and offsets', async () => {
    const article = makeArticle(uniqueSuffix(), 1);
    const result = await stack.pushOk<PushResult>(article);
    expect(result).toEqual({ id: expect.stringMatching(/^[a-f0-9]{32}$/), version: 1, status: 'accepted' });

    await stack.waitForIndexed([result.id]);
    const view = (await (await stack.getArticle(result.id)).json()) as ArticleView;
    expect(view).toMatchObject({ id: result.id, version: 1, headline: article.headline, language: 'en' });
    // Every article is in a near-duplicate cluster (the test fixtures are alike across runs, so which
    // one is not fixed here; the clustering itself is asserted by the ingester's integration spec).
    expect(view.clusterId).toEqual(expect.any(String));
    expect(view.text).toContain('The harbour authority reopened berth 1');
    const byName = new Map(view.entities.map((e) => [e.name, e]));
    expect(byName.get('Nairobi')).toMatchObject({ type: 'LOCATION' });
    expect(byName.get('Daniel Brandt')).toMatchObject({ type: 'PERSON' });
    for (const entity of view.entities) {
      for (const mention of entity.mentions)
        expect(view.text.slice(mention.start, mention.end)).toBe(mention.text);
    }
    // The later bare surname is the same person as the full name.
    expect(byName.get('Daniel Brandt')!.mentions.map((m) => m.text)).toEqual(['Daniel Brandt', 'Brandt']);
  });

  it('indexes 1,000 articles pushed in batches of 100, and pushing them again changes no row', async () => {
    const run = uniqueSuffix();
    const articles = Array.from({ length: 1000 }, (_, n) => makeArticle(run, n));
    const results: PushResult[] = [];
    for (const batch of inBatches(articles, 100)) results.push(...(await stack.pushOk<PushResult[]>(batch)));
    expect(results.every((r) => r.status === 'accepted' && r.version === 1)).toBe(true);
    const ids = results.map((r) => r.id);
    expect(new Set(ids).size).toBe(1000);

    await stack.waitForIndexed(ids);
    const withEntities = await stack.count(
      'SELECT count(DISTINCT article_id) AS n FROM mentions WHERE article_id = ANY($1)',
      [ids],
    );
    expect(withEntities).toBe(1000);

    const counts = async () => ({
      versions: await stack.count('SELECT count(*) AS n FROM article_versions WHERE article_id = ANY($1)', [
        ids,
      ]),
      mentions: await stack.count('SELECT count(*) AS n FROM mentions WHERE article_id = ANY($1)', [ids]),
      outbox: await stack.count("SELECT count(*) AS n FROM outbox WHERE payload->>'articleId' = ANY($1)", [
        ids,
      ]),
      ledger: await stack.count('SELECT count(*) AS n FROM ingest_ledger WHERE article_id = ANY($1)', [ids]),
    });
    const before = await counts();
    expect(before).toMatchObject({ versions: 1000, outbox: 1000, ledger: 1000 });

    const again: PushResult[] = [];
    for (const batch of inBatches(articles, 100)) again.push(...(await stack.pushOk<PushResult[]>(batch)));
    expect(again.every((r) => r.status === 'duplicate' && r.version === 1)).toBe(true);
    expect(again.map((r) => r.id)).toEqual(ids);
    expect(await counts()).toEqual(before);
  });

  it('indexes every article exactly once when the enricher is killed with SIGKILL mid-run and restarted', async () => {
    const run = uniqueSuffix();
    const articles = Array.from({ length: 600 }, (_, n) => makeArticle(run, n));
    const ids: string[] = [];
    for (const [index, batch] of inBatches(articles, 50).entries()) {
      ids.push(...(await stack.pushOk<PushResult[]>(batch)).map((r) => r.id));
      if (index === 3) expect(await stack.services.enricher.stop('SIGKILL')).toBe('SIGKILL');
    }
    await stack.services.enricher.start();
    await stack.waitForIndexed(ids);

    const perArticle = await stack.db.query<{ n: string }>(
      'SELECT count(*) AS n FROM article_versions WHERE article_id = ANY($1) GROUP BY article_id',
      [ids],
    );
    expect(perArticle.rows).toHaveLength(600);
    expect(perArticle.rows.every((row) => row.n === '1')).toBe(true);
    const duplicateMentions = await stack.count(
      `SELECT count(*) AS n FROM (SELECT 1 FROM mentions WHERE article_id = ANY($1)
         GROUP BY article_id, version, start_offset, end_offset HAVING count(*) > 1) d`,
      [ids],
    );
    expect(duplicateMentions).toBe(0);
  });

  it('publishes versions and kills downstream in order, one update event per version', async () => {
    const run = uniqueSuffix();
    const updates = await new TopicReader(stack.kafka, Topics.updates).start();
    try {
      const first = await stack.pushOk<PushResult>(makeArticle(run, 7));
      const second = await stack.pushOk<PushResult>(makeArticle(run, 7, ' Cranes were repainted.'));
      const killed = await stack.pushOk<PushResult>({ ...makeArticle(run, 7), pubstatus: 'canceled' });
      expect([first, second, killed].map((r) => [r.status, r.version])).toEqual([
        ['accepted', 1],
        ['updated', 2],
        ['killed', 3],
      ]);
      await stack.waitForIndexed([first.id], 3);
      const view = (await (await stack.getArticle(first.id)).json()) as ArticleView;
      expect(view).toMatchObject({ version: 3, status: 'killed' });

      const mine = await eventually('three update events', async () => {
        const events = updates.messages
          .filter((m) => m.key === first.id)
          .map((m) => JSON.parse(m.value!) as { kind: string; version: number; eventId: string });
        return events.length >= 3 ? events : undefined;
      });
      const unique = [...new Map(mine.map((e) => [e.eventId, e])).values()];
      expect(unique.map((e) => [e.kind, e.version])).toEqual([
        ['created', 1],
        ['updated', 2],
        ['killed', 3],
      ]);
    } finally {
      await updates.stop();
    }
  });

  it('polls a feed: a 304 publishes nothing, an edit is version 2, a tombstone arrives downstream as killed', async () => {
    const run = uniqueSuffix();
    const id = `tag:e2e.example,2026:${run}`;
    let entry = `<entry><title>Lighthouse keeper retires</title><id>${id}</id>
      <updated>2026-11-27T08:00:00Z</updated><summary>After 31 years on Skerry Rock.</summary></entry>`;
    let requests = 0;
    let notModified = 0;
    const server = createServer((request, response) => {
      requests += 1;
      const body = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"
        xmlns:at="http://purl.org/atompub/tombstones/1.0"><title>Coast</title><id>urn:coast</id>
        <updated>2026-11-27T09:00:00Z</updated>${entry}</feed>`;
      const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
      if (request.headers['if-none-match'] === etag) {
        notModified += 1;
        response.writeHead(304, { etag }).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/atom+xml', etag }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const updates = await new TopicReader(stack.kafka, Topics.updates).start();
    try {
      const feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/coast.atom`;
      const registered = await fetch(`http://127.0.0.1:${stack.ports.ingester}/v1/feeds`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.apiKey}` },
        body: JSON.stringify({ url: feedUrl, intervalSeconds: 1 }),
      });
      expect(registered.status).toBe(201);
      const feed = (await registered.json()) as { id: string };
      const article = await eventually('the story indexed', async () => {
        const { rows } = await stack.db.query<{ article_id: string }>(
          'SELECT article_id FROM ingest_ledger WHERE uri = $1',
          [id],
        );
        return rows[0]?.article_id;
      });
      await stack.waitForIndexed([article], 1);
      await eventually('a 304', async () => (notModified > 0 ? true : undefined));

      entry = entry.replace('31 years', '32 years');
      await stack.waitForIndexed([article], 2);
      entry = `<at:deleted-entry ref="${id}" when="2026-11-27T10:00:00Z"/>`;
      await stack.waitForIndexed([article], 3);
      const view = (await (await stack.getArticle(article)).json()) as ArticleView & { pubStatus: string };
      expect(view).toMatchObject({ version: 3, status: 'killed', pubStatus: 'canceled' });

      const kinds = await eventually('three update events', async () => {
        const events = updates.messages
          .filter((m) => m.key === article)
          .map((m) => JSON.parse(m.value!) as { kind: string; version: number; eventId: string });
        const unique = [...new Map(events.map((e) => [e.eventId, e])).values()];
        return unique.length >= 3 ? unique.map((e) => [e.kind, e.version]) : undefined;
      });
      expect(kinds).toEqual([
        ['created', 1],
        ['updated', 2],
        ['killed', 3],
      ]);

      const deleted = await fetch(`http://127.0.0.1:${stack.ports.ingester}/v1/feeds/${feed.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${stack.apiKey}` },
      });
      expect(deleted.status).toBe(204);
      await new Promise((resolve) => setTimeout(resolve, 500)); // a poll already under way may land
      const after = requests;
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(requests).toBe(after);
    } finally {
      await updates.stop();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('rejects bad input clearly, publishes nothing, and stays up', async () => {
    const malformed = await stack.push(undefined, { rawBody: '{"uri": "x", ' });
    expect(malformed.status).toBe(400);

    const badUri = `urn:newsflow:e2e:bad:${uniqueSuffix()}`;
    const invalid = await stack.push([{ uri: badUri, headline: 42, body_text: 'x' }, {}]);
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { errors: Array<{ path: string; message: string }> };
    expect(body.errors.map((e) => e.path).sort()).toEqual([
      '/0/headline',
      '/1/body_text',
      '/1/headline',
      '/1/uri',
    ]);
    expect(await stack.count('SELECT count(*) AS n FROM ingest_ledger WHERE uri = $1', [badUri])).toBe(0);

    // One bad item among good ones is answered on its own; the good ones still go through.
    const mixed = await stack.push([makeArticle(uniqueSuffix(), 2), { uri: badUri, headline: 'No body' }]);
    expect(mixed.status).toBe(202);
    const results = (await mixed.json()) as PushResult[];
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected']);
    await stack.waitForIndexed([results[0].id]);

    const tooLarge = await stack.postRawStatus(
      JSON.stringify({ uri: 'u', headline: 'h', body_text: 'x'.repeat(6 * 1024 * 1024) }),
    );
    expect(tooLarge).toBe(413);

    const anonymous = await stack.push(makeArticle('anon', 1), { headers: { authorization: '' } });
    expect(anonymous.status).toBe(401);

    expect((await fetch(`http://127.0.0.1:${stack.ports.ingester}/health`)).status).toBe(200);
  });

  it('answers 503 with Retry-After while Kafka does not answer, records nothing, and recovers', async () => {
    const article = makeArticle(uniqueSuffix(), 3);
    const pid = stack.brokerPid();
    process.kill(pid, 'SIGSTOP');
    let response: Response;
    const started = Date.now();
    try {
      response = await stack.push(article);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    const waited = Date.now() - started;
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(waited).toBeLessThan(15_000);
    expect(await stack.count('SELECT count(*) AS n FROM ingest_ledger WHERE uri = $1', [article.uri])).toBe(
      0,
    );

    const retried = await eventually('a 202 after the broker is back', async () => {
      const again = await stack.push(article);
      return again.status === 202 ? ((await again.json()) as PushResult) : undefined;
    });
    expect(retried).toMatchObject({ status: 'accepted', version: 1 });
    await stack.waitForIndexed([retried.id]);
  });

  it('dead-letters a poison message on news.raw.v1 and keeps the partition moving', async () => {
    const deadLetters = await new TopicReader(stack.kafka, deadLetterTopic(Topics.raw)).start();
    const publisher = new EventPublisher(stack.kafka);
    await publisher.connect();
    try {
      const marker = uniqueSuffix();
      const poisonKey = `poison-${marker}`;
      await publisher.publish([
        {
          topic: Topics.raw,
          records: [{ key: poisonKey, value: JSON.stringify({ schema: 'nonsense', marker }) }],
        },
      ]);
      const dead = await eventually('the poison message on the dead-letter topic', async () =>
        deadLetters.messages.find((m) => m.key === poisonKey),
      );
      expect(dead.headers[DeadLetterHeaders.error]).toMatch(/schema violation: .*\/schema/);
      expect(dead.headers[DeadLetterHeaders.sourceTopic]).toBe(Topics.raw);
      expect(dead.headers[DeadLetterHeaders.consumerGroup]).toBe('e2e-enricher');
      expect(JSON.parse(dead.value!)).toEqual({ schema: 'nonsense', marker });

      const after = await stack.pushOk<PushResult>(makeArticle(marker, 5));
      await stack.waitForIndexed([after.id]);
    } finally {
      await publisher.disconnect();
      await deadLetters.stop();
    }
  });

  it('stops each service cleanly on SIGTERM', async () => {
    for (const name of ['ingester', 'enricher', 'indexer'] as const) {
      const started = Date.now();
      expect(await stack.services[name].stop('SIGTERM')).toBe(0);
      expect(Date.now() - started).toBeLessThan(20_000);
    }
  });
});
