import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Kafka } from 'kafkajs';
import { Topics, type ArticleUpdateEvent, type EnrichedArticleEvent } from '@newsflow/contracts';
import { createKafka, EventPublisher, parseBrokers, toJsonRecord } from '@newsflow/kafka';
import {
  enrichedArticleEvent,
  eventually,
  randomArticleId,
  sleep,
  testEnv,
  uniqueSuffix,
} from '@newsflow/testing';
import { OutboxRelay } from '../outbox/outbox.relay';
import { startTestIndexer, type TestIndexer } from '../testing/test-indexer';
import { StreamController } from './stream.controller';

interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/** A server-sent-events client as a browser's EventSource reads the wire format, kept for inspection. */
class SseClient {
  readonly events: SseEvent[] = [];
  comments = 0;
  status = 0;
  private readonly abort = new AbortController();
  private done: Promise<void> = Promise.resolve();

  async open(url: string, lastEventId?: string): Promise<this> {
    const response = await fetch(url, {
      headers: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
      signal: this.abort.signal,
    });
    this.status = response.status;
    if (response.status !== 200 || !response.body) return this;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    this.done = (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            this.dispatch(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch {
        // aborted by close()
      }
    })();
    return this;
  }

  private dispatch(block: string): void {
    const event: SseEvent = { id: undefined, event: 'message', data: '' };
    let fields = 0;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments += 1;
        continue;
      }
      const colon = line.indexOf(':');
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (name === 'id') event.id = value;
      else if (name === 'event') event.event = value;
      else if (name === 'data') event.data += event.data === '' ? value : `\n${value}`;
      else continue;
      fields += 1;
    }
    if (fields > 0 && event.data !== '') this.events.push(event);
  }

  updates(): Array<[string, number, string]> {
    return this.events
      .filter((e) => e.event === 'message')
      .map((e) => JSON.parse(e.data) as ArticleUpdateEvent)
      .map((u) => [u.articleId, u.version, u.kind]);
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.done;
  }
}

async function lastUpdateOf(db: DataSource, articleId: string): Promise<ArticleUpdateEvent> {
  const [row] = await db.query<Array<{ payload: ArticleUpdateEvent }>>(
    `SELECT payload FROM outbox WHERE message_key = $1 AND topic = $2 ORDER BY id DESC LIMIT 1`,
    [articleId, Topics.updates],
  );
  return row.payload;
}

describe(StreamController.name, () => {
  const run = uniqueSuffix();
  const source = `it-stream-${run}`;
  let indexer: TestIndexer;
  let app: INestApplication;
  let baseUrl: string;
  let kafka: Kafka;
  let publisher: EventPublisher;
  const clients: SseClient[] = [];

  beforeAll(async () => {
    indexer = await startTestIndexer(`stream-${run}`, {
      INDEXER_ROLES: 'api,indexing,relay',
      STREAM_POLL_MS: '50',
      STREAM_HEARTBEAT_MS: '300',
      // Resuming clients replay from the database, where pruning shows (not from the in-memory tail).
      STREAM_RECENT_UPDATES: '1',
    });
    app = indexer.app;
    baseUrl = indexer.baseUrl;
    kafka = createKafka({ brokers: parseBrokers(testEnv.kafkaBrokers), clientId: `it-stream-${run}` });
    publisher = new EventPublisher(kafka);
    await publisher.connect();
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await Promise.all([publisher?.disconnect(), indexer?.stop()]);
  });

  const stream = async (query: string, lastEventId?: string) => {
    const client = await new SseClient().open(`${baseUrl}/v1/stream?${query}`, lastEventId);
    clients.push(client);
    return client;
  };

  /** Publishes enriched versions and waits until the indexer has stored them. */
  async function index(...events: EnrichedArticleEvent[]): Promise<void> {
    await publisher.publish([
      { topic: Topics.enriched, records: events.map((e) => toJsonRecord(e.articleId, e)) },
    ]);
    for (const event of events) {
      await eventually(`${event.articleId} v${event.version} indexed`, async () => {
        const response = await fetch(`${baseUrl}/v1/articles/${event.articleId}`);
        if (response.status !== 200) return undefined;
        const view = (await response.json()) as { version: number };
        return view.version >= event.version ? true : undefined;
      });
    }
  }

  const version = (
    articleId: string,
    n: number,
    extra: Partial<Parameters<typeof enrichedArticleEvent>[0]> = {},
  ) => enrichedArticleEvent({ articleId, version: n, sourceId: source, ...extra });

  it('streams the updates that match its filter (and the kill of a followed story), in order, with heartbeats', async () => {
    const [before, followed, other] = [randomArticleId(), randomArticleId(), randomArticleId()];
    const entity = { id: `nf:person:keeper-${run}`, name: `Ilse Keeper${run}`, type: 'PERSON' as const };
    const body = (n: number) => `${entity.name} opened the lock gates (${n}).`;
    await index(version(before, 1, { body: body(0), entities: [entity] }));

    const client = await stream(`entities=${encodeURIComponent(entity.id)}`);
    expect(client.status).toBe(200);
    await index(
      version(other, 1),
      version(followed, 1, { body: body(1), entities: [entity] }),
      version(followed, 2, { body: body(2), entities: [entity] }),
      // A kill that carries no text (a feed tombstone) still reaches whoever followed the story.
      version(followed, 3, { body: 'Withdrawn.', pubStatus: 'canceled' }),
    );
    await eventually('three updates', async () => (client.updates().length >= 3 ? true : undefined));
    await sleep(300);
    expect(client.updates()).toEqual([
      [followed, 1, 'created'],
      [followed, 2, 'updated'],
      [followed, 3, 'killed'],
    ]);
    const ids = client.events.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(client.comments).toBeGreaterThanOrEqual(2); // the opening line and at least one heartbeat
  });

  it('resumes after Last-Event-ID with exactly the updates it missed, then goes on live', async () => {
    const [a, b, c] = [randomArticleId(), randomArticleId(), randomArticleId()];
    const first = await stream(`sources=${source}`);
    await index(version(a, 1));
    await eventually('the first update', async () => (first.updates().length >= 1 ? true : undefined));
    expect(first.updates()).toEqual([[a, 1, 'created']]);
    const lastId = first.events.at(-1)!.id!;
    await first.close();

    await index(version(a, 2), version(b, 1), version(a, 3, { pubStatus: 'canceled' }));
    const resumed = await stream(`sources=${source}`, lastId);
    await eventually('the three missed updates', async () =>
      resumed.updates().length >= 3 ? true : undefined,
    );
    await index(version(c, 1));
    await eventually('the live one after them', async () =>
      resumed.updates().length >= 4 ? true : undefined,
    );
    await sleep(300);
    // Exactly the missed ones, each article's versions in order (articles on different partitions
    // may interleave either way), then the live one.
    const received = resumed.updates();
    expect([...received.slice(0, 3)].sort()).toEqual(
      [
        [a, 2, 'updated'],
        [a, 3, 'killed'],
        [b, 1, 'created'],
      ].sort(),
    );
    expect(received.filter(([id]) => id === a).map(([, v]) => v)).toEqual([2, 3]);
    expect(received[3]).toEqual([c, 1, 'created']);
    expect(received).toHaveLength(4);
    expect(new Set(resumed.events.map((e) => e.id)).size).toBe(4);
  });

  it('tells a resuming client which updates the retention period pruned, then goes on', async () => {
    const article = randomArticleId();
    const first = await stream(`sources=${source}`);
    await index(version(article, 1));
    await eventually('the first update', async () => (first.updates().length >= 1 ? true : undefined));
    const lastId = Number(first.events.at(-1)!.id);
    await first.close();

    // Two updates published a month ago, numbered under the relay's lock like the relay numbers them.
    const db = app.get(DataSource);
    await db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(727270002)');
      for (const n of [1, 2]) {
        const stale = { ...(await lastUpdateOf(db, article)), eventId: randomUUID(), version: 10 + n };
        await manager.query(
          `INSERT INTO outbox (event_id, topic, message_key, payload, published_at, published_seq)
           SELECT $1, $2, $3, $4, now() - interval '30 days', coalesce(max(published_seq), 0) + 1 FROM outbox`,
          [stale.eventId, Topics.updates, article, JSON.stringify(stale)],
        );
      }
    });
    await index(version(article, 2));
    expect(
      await app.get(OutboxRelay).prune(new Date(Date.now() - 7 * 24 * 3_600_000)),
    ).toBeGreaterThanOrEqual(2);

    const resumed = await stream(`sources=${source}`, String(lastId));
    await eventually('the gap notice and version 2', async () =>
      resumed.updates().length >= 1 ? true : undefined,
    );
    const gaps = resumed.events.filter((e) => e.event === 'gap');
    expect(gaps).toHaveLength(1);
    expect(JSON.parse(gaps[0].data)).toMatchObject({ error: 'history_pruned' });
    expect(resumed.updates()).toEqual([[article, 2, 'updated']]);
    expect(resumed.events.indexOf(gaps[0])).toBe(0);
  });

  it('answers 400 naming each bad parameter', async () => {
    const response = await fetch(
      `${baseUrl}/v1/stream?types=PERSON,sometimes&colour=red&lastEventId=yesterday`,
    );
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: Array<{ path: string }> };
    expect(errors.map((e) => e.path).sort()).toEqual(['/colour', '/lastEventId', '/types/1']);

    const ahead = await fetch(`${baseUrl}/v1/stream`, { headers: { 'last-event-id': '999999999999' } });
    expect(ahead.status).toBe(400);
    expect(await ahead.json()).toMatchObject({
      errors: [{ path: '/lastEventId', message: 'is ahead of this update log' }],
    });
  });
});
