import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type INestApplication } from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { Topics, type RawArticleEvent } from '@newsflow/contracts';
import { createKafka, parseBrokers } from '@newsflow/kafka';
import { eventually, readToEnd, sleep, testEnv, TopicReader, uniqueSuffix } from '@newsflow/testing';
import { articleIdFor } from '../../articles/article-identity';
import { SourcesService } from '../../sources/sources.service';
import { FeedPollingController } from './feed-polling.controller';
import { type FeedView } from './feed-polling.service';
import { startTestIngester, type TestIngester } from '../../testing/test-ingester';

interface Source {
  id: string;
  apiKey: string;
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** One request the feed server saw. */
interface Seen {
  at: number;
  ifNoneMatch: string | null;
  status: number;
}

describe(FeedPollingController.name, () => {
  const run = uniqueSuffix();
  const sourceA: Source = { id: `it-polling-${run}-a`, apiKey: randomBytes(16).toString('hex') };
  const sourceB: Source = { id: `it-polling-${run}-b`, apiKey: randomBytes(16).toString('hex') };
  let ingester: TestIngester;
  let app: INestApplication;
  let baseUrl: string;
  let kafka: Kafka;
  let raw: TopicReader;

  // The newsroom's feed server: a route per feed path, and every request it answered.
  const routes = new Map<string, (request: IncomingMessage) => Answer>();
  const seen = new Map<string, Seen[]>();
  let feedServer: Server;
  let feedBase: string;

  beforeAll(async () => {
    feedServer = createServer((request, response) => {
      const path = request.url ?? '/';
      const answer = routes.get(path)?.(request) ?? { status: 404, body: 'no such feed' };
      const header = request.headers['if-none-match'];
      seen.set(path, [
        ...(seen.get(path) ?? []),
        { at: Date.now(), ifNoneMatch: typeof header === 'string' ? header : null, status: answer.status },
      ]);
      response.writeHead(answer.status, answer.headers).end(answer.body);
    });
    await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
    feedBase = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}`;

    ingester = await startTestIngester(`polling-${run}`, {
      FEED_MIN_INTERVAL_SECONDS: '1',
      FEED_MAX_FAILURES: '3',
      NEWSFLOW_OUTBOUND_ALLOWLIST: '127.0.0.1',
      LOG_LEVEL: 'error',
    });
    app = ingester.app;
    baseUrl = ingester.baseUrl;
    for (const source of [sourceA, sourceB]) {
      await app.get(SourcesService).register(source.id, `Polling test source ${source.id}`, source.apiKey);
    }
    kafka = createKafka({ brokers: parseBrokers(testEnv.kafkaBrokers), clientId: `it-polling-${run}` });
    raw = await new TopicReader(kafka, Topics.raw).start();
  });

  afterAll(async () => {
    await Promise.all([raw?.stop(), ingester?.stop()]);
    await new Promise((resolve) => feedServer?.close(resolve));
  });

  const api = (method: string, path: string, source: Source = sourceA, body?: unknown) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${source.apiKey}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });

  async function register(path: string, intervalSeconds = 1): Promise<FeedView> {
    const response = await api('POST', '/v1/feeds', sourceA, { url: `${feedBase}${path}`, intervalSeconds });
    if (response.status !== 201)
      throw new Error(`register answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as FeedView;
  }

  const feedState = async (id: string): Promise<FeedView> =>
    (await (await api('GET', `/v1/feeds/${id}`)).json()) as FeedView;
  const requestsTo = (path: string): Seen[] => seen.get(path) ?? [];

  const rss = (
    items: Array<{ guid: string; title: string; body: string }>,
  ) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>https://gazette.example/</link>
${items
  .map(
    (item) =>
      `<item><guid isPermaLink="false">${item.guid}</guid><title>${item.title}</title>` +
      `<link>/news/${item.guid}</link><description><![CDATA[<p>${item.body}</p>]]></description>` +
      `<pubDate>Fri, 27 Nov 2026 08:00:00 GMT</pubDate></item>`,
  )
  .join('\n')}
</channel></rss>`;

  /** Serves the current document with a strong ETag, and 304 to a request that already has it. */
  const conditionalRss =
    (document: () => string) =>
    (request: IncomingMessage): Answer => {
      const body = document();
      const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
      if (request.headers['if-none-match'] === etag) return { status: 304, headers: { etag } };
      return { status: 200, headers: { 'content-type': 'application/rss+xml; charset=utf-8', etag }, body };
    };

  async function versionsOn(id: string): Promise<Array<[number, string]>> {
    await readToEnd(kafka, raw, Topics.raw);
    return raw.messages
      .filter((message) => message.key === id)
      .map((message) => JSON.parse(message.value ?? 'null') as RawArticleEvent)
      .map((event) => [event.version, event.status]);
  }

  it('publishes a new feed’s items, publishes nothing on a 304, and an edited item as updated version 2', async () => {
    const path = `/${run}/gazette.xml`;
    const guid = (n: number) => `${run}-poll-${n}`;
    let items = [
      { guid: guid(1), title: 'Ferry timetable changes', body: 'Ferries leave earlier from Monday.' },
      { guid: guid(2), title: 'Market hall reopens', body: 'Stalls are back in the market hall.' },
    ];
    routes.set(
      path,
      conditionalRss(() => rss(items)),
    );
    const [first, second] = [articleIdFor(sourceA.id, guid(1)), articleIdFor(sourceA.id, guid(2))];

    const feed = await register(path);
    expect(feed).toMatchObject({
      url: `${feedBase}${path}`,
      intervalSeconds: 1,
      status: 'active',
      consecutiveFailures: 0,
    });

    await eventually('both items on news.raw.v1', async () =>
      (await versionsOn(first)).length === 1 && (await versionsOn(second)).length === 1 ? true : undefined,
    );
    expect(await versionsOn(first)).toEqual([[1, 'accepted']]);

    // The next poll sends the ETag back, the server answers 304, and nothing more is published.
    const notModified = await eventually('a 304 recorded on the feed', async () => {
      const state = await feedState(feed.id);
      return state.lastStatus === 304 ? state : undefined;
    });
    const conditional = requestsTo(path).find((request) => request.status === 304);
    expect(conditional?.ifNoneMatch).toBe(notModified.etag);
    expect(notModified).toMatchObject({ consecutiveFailures: 0, lastError: null, itemsSeen: 2 });
    expect(notModified.lastSuccessAt).not.toBeNull();
    expect(await versionsOn(first)).toEqual([[1, 'accepted']]);
    expect(await versionsOn(second)).toEqual([[1, 'accepted']]);

    items = [{ ...items[0], body: 'Ferries leave earlier from Tuesday.' }, items[1]];
    await eventually('the edited item as version 2', async () =>
      (await versionsOn(first)).length === 2 ? true : undefined,
    );
    expect(await versionsOn(first)).toEqual([
      [1, 'accepted'],
      [2, 'updated'],
    ]);
    expect(await versionsOn(second)).toEqual([[1, 'accepted']]);
    await api('DELETE', `/v1/feeds/${feed.id}`);
  });

  it('publishes an item the feed kills (an Atom tombstone) as killed, the next version', async () => {
    const path = `/${run}/courier.atom`;
    const id = `tag:courier.example,2026:${run}-quote`;
    const entry = `<entry><title>Mayor quoted on harbour plan</title><id>${id}</id>
      <updated>2026-11-27T08:00:00Z</updated><summary>The mayor spoke on Monday.</summary></entry>`;
    const tombstone = `<at:deleted-entry ref="${id}" when="2026-11-27T09:00:00Z">
      <at:comment>Withdrawn: the quote was misattributed.</at:comment></at:deleted-entry>`;
    let body = entry;
    routes.set(path, () => ({
      status: 200,
      headers: { 'content-type': 'application/atom+xml' },
      body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"
        xmlns:at="http://purl.org/atompub/tombstones/1.0"><title>Courier</title><id>urn:courier</id>
        <updated>2026-11-27T09:00:00Z</updated>${body}</feed>`,
    }));
    const article = articleIdFor(sourceA.id, id);
    const feed = await register(path);
    await eventually('the story on news.raw.v1', async () =>
      (await versionsOn(article)).length === 1 ? true : undefined,
    );

    body = tombstone;
    await eventually('the kill on news.raw.v1', async () =>
      (await versionsOn(article)).length === 2 ? true : undefined,
    );
    const kill = raw.messages
      .filter((message) => message.key === article)
      .map((message) => JSON.parse(message.value ?? 'null') as RawArticleEvent)
      .find((event) => event.version === 2);
    expect(kill).toMatchObject({ status: 'killed', pubStatus: 'canceled', uri: id });
    expect(await versionsOn(article)).toEqual([
      [1, 'accepted'],
      [2, 'killed'],
    ]);
    // The tombstone stays in the feed: later polls find the story already killed and publish nothing.
    const polls = requestsTo(path).length;
    await eventually('two more polls', async () => (requestsTo(path).length >= polls + 2 ? true : undefined));
    expect(await versionsOn(article)).toHaveLength(2);
    await api('DELETE', `/v1/feeds/${feed.id}`);
  });

  it('extracts each item’s full text from its page when the feed asks for it, fetching a page once per edit', async () => {
    const path = `/${run}/summaries.xml`;
    const guid = `${run}-full-1`;
    const paragraphs = [
      'The regional council voted on Wednesday to rebuild the old ferry terminal, ending a debate that had run for three years and divided the harbour towns along the coast.',
      'Work is due to start in the spring, and the council expects the new terminal to open before the summer season of the following year, with room for two ferries at once.',
    ];
    const page = `<!doctype html><html><head><title>Council votes to rebuild terminal</title></head><body>
      <nav><a href="/">Front page</a><a href="/sport">Sport</a></nav>
      <article><h1>Council votes to rebuild terminal</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>
      <footer>Newsletter sign-up and cookie settings</footer></body></html>`;
    routes.set(`/${run}/stories/terminal`, () => ({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: page,
    }));
    let build = 0;
    // Every poll gets a fresh document (its build date changes, so no 304), with the same item.
    routes.set(path, () => ({
      status: 200,
      headers: { 'content-type': 'application/rss+xml' },
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Summaries</title>
        <link>${feedBase}/${run}/</link><lastBuildDate>build ${(build += 1)}</lastBuildDate>
        <item><guid isPermaLink="false">${guid}</guid><title>Council votes to rebuild terminal</title>
        <link>${feedBase}/${run}/stories/terminal</link><description>The terminal will be rebuilt.</description></item>
        </channel></rss>`,
    }));
    const response = await api('POST', '/v1/feeds', sourceA, {
      url: `${feedBase}${path}`,
      intervalSeconds: 1,
      fullText: true,
    });
    expect(response.status).toBe(201);
    const feed = (await response.json()) as FeedView;
    expect(feed.fullText).toBe(true);

    const article = articleIdFor(sourceA.id, guid);
    await eventually('the item on news.raw.v1', async () =>
      (await versionsOn(article)).length === 1 ? true : undefined,
    );
    const event = raw.messages
      .filter((message) => message.key === article)
      .map((message) => JSON.parse(message.value ?? 'null') as RawArticleEvent)[0];
    for (const paragraph of paragraphs) expect(event.bodyHtml).toContain(paragraph);
    expect(event.bodyHtml).not.toContain('Front page');
    expect(event.bodyHtml).not.toContain('cookie settings');

    const polls = requestsTo(path).length;
    await eventually('two more polls', async () => (requestsTo(path).length >= polls + 2 ? true : undefined));
    expect(requestsTo(`/${run}/stories/terminal`)).toHaveLength(1);
    expect(await versionsOn(article)).toEqual([[1, 'accepted']]);

    // Turned off, the feed's own summary is the body again: a new version.
    const patched = await api('PATCH', `/v1/feeds/${feed.id}`, sourceA, { fullText: false });
    expect(await patched.json()).toMatchObject({ id: feed.id, fullText: false });
    await eventually('the summary-only version', async () =>
      (await versionsOn(article)).length === 2 ? true : undefined,
    );
    await api('DELETE', `/v1/feeds/${feed.id}`);
  });

  it('counts failures with the last error visible, backs off, and disables the feed at FEED_MAX_FAILURES', async () => {
    const path = `/${run}/broken.xml`;
    routes.set(path, () => ({ status: 500, body: 'database on fire' }));
    const feed = await register(path);

    const failing = await eventually('a first failure', async () => {
      const state = await feedState(feed.id);
      return state.consecutiveFailures >= 1 ? state : undefined;
    });
    expect(failing).toMatchObject({ status: 'active', lastStatus: 500 });
    expect(failing.lastError).toBe('HTTP 500 Internal Server Error: database on fire');
    expect(Date.parse(failing.nextPollAt!)).toBeGreaterThan(Date.parse(failing.lastPolledAt!));

    const disabled = await eventually(
      'the feed disabled',
      async () => {
        const state = await feedState(feed.id);
        return state.status === 'disabled' ? state : undefined;
      },
      { timeoutMs: 20_000 },
    );
    expect(disabled).toMatchObject({ consecutiveFailures: 3, lastStatus: 500, nextPollAt: null });
    expect(disabled.lastError).toContain('HTTP 500');
    const requests = requestsTo(path);
    expect(requests).toHaveLength(3);
    // Backoff: interval × 2^failures (±20 %) between attempts — 2 s, then 4 s.
    expect(requests[1].at - requests[0].at).toBeGreaterThanOrEqual(1_600);
    expect(requests[2].at - requests[1].at).toBeGreaterThanOrEqual(3_200);
    await sleep(1_500);
    expect(requestsTo(path)).toHaveLength(3);
  });

  it('records a clear error for hostile and broken feeds while a healthy feed keeps flowing', async () => {
    const healthyPath = `/${run}/healthy.xml`;
    const healthyGuid = (n: number) => `${run}-healthy-${n}`;
    let healthyItems = [{ guid: healthyGuid(1), title: 'Tide tables', body: 'High water at noon.' }];
    routes.set(
      healthyPath,
      conditionalRss(() => rss(healthyItems)),
    );
    const rssType = { 'content-type': 'application/rss+xml' };
    const hostile: Record<string, Answer> = {
      laughs: {
        status: 200,
        headers: rssType,
        body: `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
          <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss version="2.0"><channel><title>&c;</title></channel></rss>`,
      },
      xxe: {
        status: 200,
        headers: rssType,
        body: `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
          <rss version="2.0"><channel><title>&x;</title></channel></rss>`,
      },
      malformed: { status: 200, headers: rssType, body: '<rss version="2.0"><channel><item><title>cut' },
      oversized: { status: 200, headers: rssType, body: `<rss>${' '.repeat(11 * 1024 * 1024)}</rss>` },
      metadata: { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } },
    };
    const feeds = new Map<string, FeedView>();
    for (const [name, answer] of Object.entries(hostile)) {
      routes.set(`/${run}/${name}.xml`, () => answer);
      feeds.set(name, await register(`/${run}/${name}.xml`));
    }
    const healthy = await register(healthyPath);

    const errors = await eventually('every hostile feed failed once', async () => {
      const states = await Promise.all(
        [...feeds].map(async ([name, feed]) => [name, await feedState(feed.id)] as const),
      );
      return states.every(([, state]) => state.consecutiveFailures >= 1)
        ? Object.fromEntries(states.map(([name, state]) => [name, state.lastError]))
        : undefined;
    });
    expect(errors.laughs).toMatch(/^unsafe_xml: .*DOCTYPE/);
    expect(errors.xxe).toMatch(/^unsafe_xml: /);
    expect(errors.malformed).toMatch(/^malformed: /);
    expect(errors.oversized).toMatch(/^too_large: /);
    expect(errors.metadata).toMatch(/^blocked_address: .*169\.254\.169\.254/);

    // Meanwhile the healthy feed is polled and its new item published, and the service answers.
    healthyItems = [...healthyItems, { guid: healthyGuid(2), title: 'Harbour fees', body: 'Fees rise.' }];
    const second = articleIdFor(sourceA.id, healthyGuid(2));
    await eventually('the healthy feed’s new item', async () =>
      (await versionsOn(second)).length === 1 ? true : undefined,
    );
    expect((await feedState(healthy.id)).consecutiveFailures).toBe(0);
    expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
    for (const feed of [...feeds.values(), healthy]) await api('DELETE', `/v1/feeds/${feed.id}`);
  });

  it('waits as long as Retry-After asks after a 429, then polls normally', async () => {
    const path = `/${run}/busy.xml`;
    let answered429 = false;
    const ok = conditionalRss(() => rss([{ guid: `${run}-busy-1`, title: 'Busy day', body: 'Busy.' }]));
    routes.set(path, (request) => {
      if (answered429) return ok(request);
      answered429 = true;
      return { status: 429, headers: { 'retry-after': '2' }, body: 'slow down' };
    });
    const feed = await register(path);

    const recovered = await eventually('a success after the 429', async () => {
      const state = await feedState(feed.id);
      return state.lastStatus === 200 ? state : undefined;
    });
    const [throttled, next] = requestsTo(path);
    expect(throttled.status).toBe(429);
    expect(next.at - throttled.at).toBeGreaterThanOrEqual(2_000);
    expect(recovered).toMatchObject({ consecutiveFailures: 0, lastError: null, itemsSeen: 1 });
    await api('DELETE', `/v1/feeds/${feed.id}`);
  });

  it('stops polling a deleted feed', async () => {
    const path = `/${run}/deleted.xml`;
    routes.set(
      path,
      conditionalRss(() => rss([{ guid: `${run}-gone-1`, title: 'Soon gone', body: 'Gone.' }])),
    );
    const feed = await register(path);
    await eventually('a first poll', async () => (requestsTo(path).length > 0 ? true : undefined));

    expect((await api('DELETE', `/v1/feeds/${feed.id}`)).status).toBe(204);
    expect((await api('GET', `/v1/feeds/${feed.id}`)).status).toBe(404);
    expect((await api('DELETE', `/v1/feeds/${feed.id}`)).status).toBe(404);
    await sleep(300); // a poll that had already started may still land
    const after = requestsTo(path).length;
    await sleep(2_500);
    expect(requestsTo(path)).toHaveLength(after);
  });

  it('answers the existing feed when the same source registers its URL again, and hides it from others', async () => {
    const url = `${feedBase}/${run}/quiet.xml`;
    const created = await api('POST', '/v1/feeds', sourceA, { url, intervalSeconds: 3600 });
    expect(created.status).toBe(201);
    const feed = (await created.json()) as FeedView;

    const again = await api('POST', '/v1/feeds', sourceA, { url, intervalSeconds: 60 });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: feed.id, intervalSeconds: 3600 });

    expect((await api('GET', `/v1/feeds/${feed.id}`, sourceB)).status).toBe(404);
    expect((await api('DELETE', `/v1/feeds/${feed.id}`, sourceB)).status).toBe(404);
    expect((await api('GET', '/v1/feeds/not-a-uuid')).status).toBe(404);
    const mine = await api('GET', `/v1/feeds/${feed.id}`);
    expect(mine.status).toBe(200);
    expect(await mine.json()).toEqual({
      id: feed.id,
      url,
      intervalSeconds: 3600,
      fullText: false,
      status: 'active',
      consecutiveFailures: 0,
      lastPolledAt: null,
      lastSuccessAt: null,
      lastError: null,
      lastStatus: null,
      nextPollAt: null,
      etag: null,
      lastModified: null,
      itemsSeen: 0,
      createdAt: feed.createdAt,
    });
    // Another source may register the same URL as its own feed.
    const theirs = await api('POST', '/v1/feeds', sourceB, { url, intervalSeconds: 3600 });
    expect(theirs.status).toBe(201);
    // Left active, these would be polled by later runs' ingesters once overdue.
    await api('DELETE', `/v1/feeds/${feed.id}`);
    await api('DELETE', `/v1/feeds/${((await theirs.json()) as FeedView).id}`, sourceB);
  });

  it('refuses blocked addresses and invalid bodies with 400 naming the problem', async () => {
    const metadata = await api('POST', '/v1/feeds', sourceA, { url: 'http://169.254.169.254/latest' });
    expect(metadata.status).toBe(400);
    expect(await metadata.json()).toMatchObject({ error: 'blocked_address' });

    const scheme = await api('POST', '/v1/feeds', sourceA, { url: 'file:///etc/passwd' });
    expect(scheme.status).toBe(400);
    expect(await scheme.json()).toMatchObject({ error: 'unsupported_scheme' });

    const invalid = await api('POST', '/v1/feeds', sourceA, {
      intervalSeconds: 0.5,
      fullText: 'yes',
      extra: true,
    });
    expect(invalid.status).toBe(400);
    const { errors } = (await invalid.json()) as { errors: Array<{ path: string }> };
    expect([...new Set(errors.map((e) => e.path))].sort()).toEqual([
      '/extra',
      '/fullText',
      '/intervalSeconds',
      '/url',
    ]);

    const unauthenticated = await fetch(`${baseUrl}/v1/feeds`, { method: 'POST' });
    expect(unauthenticated.status).toBe(401);
  });

  it('reports Redis in /health', async () => {
    const response = await fetch(`${baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ checks: { redis: { status: 'up' } } });
  });
});
