import { type DataSource } from 'typeorm';
import { type EnrichedArticleEvent } from '@newsflow/contracts';
import { createDataSource } from '@newsflow/persistence';
import {
  enrichedArticleEvent,
  randomArticleId,
  testEnv,
  uniqueSuffix,
  type EnrichedArticleSpec,
} from '@newsflow/testing';
import { startTestIndexer, type TestIndexer } from '../testing/test-indexer';
import { ArticleStoreRepository } from '../indexing/article-store.repository';
import { type EntityDetails, type EntityMatches } from './entities.schemas';

/** Entities are shared by every article: each name here carries this run's tag, so prefixes are ours. */
describe('GET /v1/entities', () => {
  const run = uniqueSuffix();
  const tag = run.replace(/[^a-z0-9]/g, '');
  let indexer: TestIndexer;
  let baseUrl: string;
  let dataSource: DataSource;
  let store: ArticleStoreRepository;

  const okafor = { id: `nf:person:okafor-${tag}`, name: `Maria Okafor${tag}`, type: 'PERSON' as const };
  const authority = {
    id: `nf:organization:harbour-authority-${tag}`,
    name: `Harbour Authority${tag}`,
    type: 'ORGANIZATION' as const,
  };
  const harbourTown = {
    id: `nf:location:harbourton-${tag}`,
    name: `Harbourton${tag}`,
    type: 'LOCATION' as const,
  };

  /** A version whose entities are tagged at their names, plus `alias` tagged as the authority. */
  const version = (
    articleId: string,
    n: number,
    body: string,
    entities: EnrichedArticleSpec['entities'] = [okafor, authority],
  ) => {
    const event = enrichedArticleEvent({
      articleId,
      version: n,
      sourceId: `it-entities-${run}`,
      body,
      entities,
    });
    const alias = `HA${tag}`;
    const start = event.text.indexOf(alias);
    if (start < 0) return event;
    return {
      ...event,
      entities: event.entities.map((e) =>
        e.id === authority.id
          ? { ...e, mentions: [...e.mentions, { start, end: start + alias.length, text: alias }] }
          : e,
      ),
    };
  };
  const store_ = (...events: EnrichedArticleEvent[]) => store.storeVersions(events, () => []);

  let first: string;
  let second: string;

  beforeAll(async () => {
    // The HTTP routes only: rows are stored directly.
    indexer = await startTestIndexer(`entities-${run}`, { INDEXER_ROLES: 'api' });
    baseUrl = indexer.baseUrl;
    dataSource = await createDataSource({ url: testEnv.databaseUrl, poolSize: 2 }).initialize();
    store = new ArticleStoreRepository(dataSource);

    first = randomArticleId();
    second = randomArticleId();
    // first: Okafor twice, the authority by name and by its alias. second: version 1 mentions Okafor,
    // version 2 (the latest) only the authority and Harbourton.
    await store_(
      version(
        first,
        1,
        `Maria Okafor${tag} met the Harbour Authority${tag}. HA${tag} agreed; Maria Okafor${tag} left.`,
      ),
      version(second, 1, `Maria Okafor${tag} spoke about the Harbour Authority${tag}.`),
    );
    await store_(
      version(second, 2, `The Harbour Authority${tag} reopened Harbourton${tag}.`, [authority, harbourTown]),
    );
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await indexer?.stop();
  });

  const get = async (path: string, params: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}?${new URLSearchParams(params).toString()}`);
    return { status: response.status, body: await response.json() };
  };
  const search = async (params: Record<string, string>) => {
    const { status, body } = await get('/v1/entities', params);
    expect(status).toBe(200);
    return (body as EntityMatches).items;
  };

  it('finds entities by the start of their name, any case, with counts over latest versions', async () => {
    const items = await search({ q: `maria okafor${tag}`.toUpperCase() });

    // Okafor is in first (twice) and in second's version 1 only, which is no longer the latest.
    expect(items).toEqual([
      {
        id: okafor.id,
        name: okafor.name,
        type: 'PERSON',
        aliases: [okafor.name],
        articleCount: 1,
        mentionCount: 2,
      },
    ]);
  });

  it('finds an entity by an alias it was tagged as, most-mentioned first, and filters by type', async () => {
    expect(await search({ q: `ha${tag}` })).toEqual([
      expect.objectContaining({
        id: authority.id,
        aliases: [`HA${tag}`, authority.name], // by lower case
        articleCount: 2,
        mentionCount: 3,
      }),
    ]);
    expect((await search({ q: `harbour`, limit: '100' })).map((e) => e.id)).toEqual(
      expect.arrayContaining([authority.id, harbourTown.id]),
    );
    const harbour = (await search({ q: `harbour`, limit: '100' })).filter((e) => e.id.endsWith(tag));
    expect(harbour.map((e) => e.id)).toEqual([authority.id, harbourTown.id]); // 2 articles before 1
    expect((await search({ q: `harbour`, type: 'LOCATION', limit: '100' })).map((e) => e.id)).not.toContain(
      authority.id,
    );
  });

  it('treats LIKE wildcards in q as plain characters', async () => {
    expect(await search({ q: `%${tag}` })).toEqual([]);
    expect(await search({ q: `_aria okafor${tag}` })).toEqual([]);
  });

  it('answers 400 naming a missing q or a bad limit', async () => {
    expect(await get('/v1/entities')).toMatchObject({ status: 400, body: { errors: [{ path: '/q' }] } });
    expect(await get('/v1/entities', { q: 'x', limit: '500' })).toMatchObject({
      status: 400,
      body: { errors: [{ path: '/limit' }] },
    });
  });

  it('GET /v1/entities/:id shows name, type, ids, counts and the latest articles mentioning it', async () => {
    const { status, body } = await get(`/v1/entities/${encodeURIComponent(authority.id)}`);

    expect(status).toBe(200);
    const entity = body as EntityDetails;
    expect(entity).toMatchObject({
      id: authority.id,
      name: authority.name,
      type: 'ORGANIZATION',
      ids: { uri: `urn:newsflow:entity:${authority.id}`, wikidata: null },
      articleCount: 2,
      mentionCount: 3,
    });
    // Newest first: second's latest version (2) is newer than first's version 1.
    expect(entity.latestArticles.map((a) => [a.id, a.version])).toEqual([
      [second, 2],
      [first, 1],
    ]);
  });

  it('GET /v1/entities/:id answers 404 for an unknown id', async () => {
    expect((await get(`/v1/entities/${encodeURIComponent(`nf:person:nobody-${tag}`)}`)).status).toBe(404);
  });
});
