import { type DataSource } from 'typeorm';
import {
  Topics,
  validateArticleUpdateEvent,
  type ArticleUpdateEvent,
  type EnrichedArticleEvent,
} from '@newsflow/contracts';
import { createDataSource, runMigrations } from '@newsflow/persistence';
import { enrichedArticleEvent, randomArticleId, testEnv, uniqueSuffix } from '@newsflow/testing';
import { ArticleStoreRepository, type OutboxRow } from './article-store.repository';
import { toOutboxRow } from './indexing.service';

/** The update events the indexer writes to the outbox for stored versions, checked against their schema. */
function outboxFor(stored: EnrichedArticleEvent[]): OutboxRow[] {
  return stored.map((event) => {
    const row = toOutboxRow(event, new Date().toISOString(), {});
    if (!validateArticleUpdateEvent(row.payload).ok)
      throw new Error('the indexer built an invalid update event');
    return row;
  });
}

describe(ArticleStoreRepository.name, () => {
  let dataSource: DataSource;
  let store: ArticleStoreRepository;
  const articleIds: string[] = [];

  beforeAll(async () => {
    dataSource = await createDataSource({
      url: testEnv.databaseUrl,
      poolSize: 4,
      applicationName: 'it-article-store',
    }).initialize();
    await runMigrations(dataSource);
    store = new ArticleStoreRepository(dataSource);
  });

  afterAll(async () => {
    // These update events describe test fixtures: take them out of the outbox so that indexers started
    // later against this database do not publish them (one running alongside may have: they are valid).
    await dataSource?.query('DELETE FROM outbox WHERE message_key = ANY($1)', [articleIds]);
    await dataSource?.destroy();
  });

  const newArticleId = (): string => {
    const id = randomArticleId();
    articleIds.push(id);
    return id;
  };

  // Entity ids of the test's own, so that a count of their rows starts at zero.
  const person = (name: string) => ({ id: `nf:person:${uniqueSuffix()}`, name, type: 'PERSON' as const });
  const place = (name: string) => ({ id: `nf:location:${uniqueSuffix()}`, name, type: 'LOCATION' as const });

  async function rowCounts(ids: string[], entityIds: string[]) {
    const [row] = await dataSource.query<Array<Record<string, string>>>(
      `SELECT (SELECT count(*) FROM articles WHERE id = ANY($1)) AS articles,
              (SELECT count(*) FROM article_versions WHERE article_id = ANY($1)) AS versions,
              (SELECT count(*) FROM mentions WHERE article_id = ANY($1)) AS mentions,
              (SELECT count(*) FROM entities WHERE id = ANY($2)) AS entities,
              (SELECT count(*) FROM outbox WHERE message_key = ANY($1)) AS outbox`,
      [ids, entityIds],
    );
    return Object.fromEntries(Object.entries(row).map(([table, count]) => [table, Number(count)]));
  }

  const articleRow = async (id: string) => {
    const [row] = await dataSource.query<Array<{ latest_version: number; pub_status: string }>>(
      'SELECT latest_version, pub_status FROM articles WHERE id = $1',
      [id],
    );
    return row;
  };

  const outboxVersions = async (id: string) =>
    (
      await dataSource.query<Array<{ payload: ArticleUpdateEvent }>>(
        'SELECT payload FROM outbox WHERE message_key = $1 ORDER BY id',
        [id],
      )
    ).map((row) => [row.payload.version, row.payload.kind]);

  it('stores a new version with its article, entities, mentions and outbox event, and returns it', async () => {
    const id = newArticleId();
    const okafor = person('Okafor');
    const lisbon = place('Lisbon');
    const event = enrichedArticleEvent({
      articleId: id,
      version: 1,
      headline: 'Lisbon harbour reopens',
      body: 'Okafor said Lisbon would reopen the berth on Tuesday.',
      entities: [lisbon, { ...okafor, confidence: 0.75 }],
    });

    const stored = await store.storeVersions([event], outboxFor);

    expect(stored).toEqual([event]);
    expect(await rowCounts([id], [okafor.id, lisbon.id])).toEqual({
      articles: 1,
      versions: 1,
      mentions: 3,
      entities: 2,
      outbox: 1,
    });
    expect(await articleRow(id)).toEqual({ latest_version: 1, pub_status: 'usable' });
    const [version] = await dataSource.query<Array<Record<string, unknown>>>(
      `SELECT event_id, status, headline, text, language, content_hash FROM article_versions
       WHERE article_id = $1 AND version = 1`,
      [id],
    );
    expect(version).toEqual({
      event_id: event.eventId,
      status: 'accepted',
      headline: event.headline,
      text: event.text,
      language: 'en',
      content_hash: event.contentHash,
    });
    expect(
      await dataSource.query(
        `SELECT m.start_offset AS "start", m.end_offset AS "end", m.text, m.confidence, e.id, e.name, e.type
         FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.article_id = $1 ORDER BY m.start_offset`,
        [id],
      ),
    ).toEqual([
      { start: 0, end: 6, text: 'Lisbon', confidence: null, ...lisbon },
      { start: 24, end: 30, text: 'Okafor', confidence: 0.75, ...okafor },
      { start: 36, end: 42, text: 'Lisbon', confidence: null, ...lisbon },
    ]);
    const [outbox] = await dataSource.query<
      Array<{ topic: string; payload: unknown; published_at: Date | null }>
    >('SELECT topic, payload, published_at FROM outbox WHERE message_key = $1', [id]);
    expect(outbox).toMatchObject({ topic: Topics.updates, published_at: null });
    expect(outbox.payload).toMatchObject({ articleId: id, version: 1, kind: 'created' });
  });

  it('stores nothing and returns [] when the same events are delivered again', async () => {
    const ids = [newArticleId(), newArticleId()];
    const lisbon = place('Lisbon');
    const events = ids.map((articleId) =>
      enrichedArticleEvent({ articleId, version: 1, body: 'Ships return to Lisbon.', entities: [lisbon] }),
    );
    expect(await store.storeVersions(events, outboxFor)).toHaveLength(2);
    const before = await rowCounts(ids, [lisbon.id]);

    const again = await store.storeVersions(events, outboxFor);

    expect(again).toEqual([]);
    expect(await rowCounts(ids, [lisbon.id])).toEqual(before);
    expect(before).toEqual({ articles: 2, versions: 2, mentions: 2, entities: 1, outbox: 2 });
  });

  it('stores versions 1 and 2 of one article in one call: latest_version is 2, the outbox in version order', async () => {
    const id = newArticleId();
    const v1 = enrichedArticleEvent({ articleId: id, version: 1 });
    const v2 = enrichedArticleEvent({
      articleId: id,
      version: 2,
      body: 'The berth reopened; ferries run again.',
    });

    const stored = await store.storeVersions([v1, v2], outboxFor);

    expect(stored).toEqual([v1, v2]);
    expect(await articleRow(id)).toMatchObject({ latest_version: 2 });
    expect(await outboxVersions(id)).toEqual([
      [1, 'created'],
      [2, 'updated'],
    ]);
  });

  it('keeps latest_version at 2 when version 1 is redelivered after version 2', async () => {
    const id = newArticleId();
    const v1 = enrichedArticleEvent({ articleId: id, version: 1 });
    const kill = enrichedArticleEvent({ articleId: id, version: 2, pubStatus: 'canceled' });
    await store.storeVersions([v1], outboxFor);
    await store.storeVersions([kill], outboxFor);

    const redelivered = await store.storeVersions([v1], outboxFor);

    expect(redelivered).toEqual([]);
    expect(await articleRow(id)).toEqual({ latest_version: 2, pub_status: 'canceled' });
    expect(await outboxVersions(id)).toEqual([
      [1, 'created'],
      [2, 'killed'],
    ]);
  });

  it('stores version 1 arriving for the first time after version 2 without moving latest_version back', async () => {
    const id = newArticleId();
    const v1 = enrichedArticleEvent({ articleId: id, version: 1 });
    const v2 = enrichedArticleEvent({ articleId: id, version: 2, body: 'A later take.' });
    await store.storeVersions([v2], outboxFor);

    const late = await store.storeVersions([v1], outboxFor);

    expect(late).toEqual([v1]);
    expect(await articleRow(id)).toMatchObject({ latest_version: 2 });
    expect(await rowCounts([id], [])).toMatchObject({ versions: 2 });
  });

  it('writes one entities row for an entity that two events of one chunk share', async () => {
    const ids = [newArticleId(), newArticleId()];
    const okafor = person('Okafor');
    const events = ids.map((articleId, n) =>
      enrichedArticleEvent({
        articleId,
        version: 1,
        body: `Okafor spoke at meeting ${n}.`,
        entities: [okafor],
      }),
    );

    await store.storeVersions(events, outboxFor);

    expect(await rowCounts(ids, [okafor.id])).toMatchObject({ entities: 1, mentions: 2 });
    expect(await dataSource.query('SELECT id, name, type FROM entities WHERE id = $1', [okafor.id])).toEqual([
      okafor,
    ]);
  });
});
