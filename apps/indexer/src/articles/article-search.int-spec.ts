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
import { type ArticlePage, type ArticleSummary, type ArticleVersions } from './articles.schemas';
import { ninjsValidator } from './ninjs-schema.testing';

/**
 * The read API against PostgreSQL: rows are stored through the indexer's own store (as the consumer
 * stores them) under a source id of this run, and every query filters on it, so rows other specs and
 * earlier runs left in the test database never show up.
 */
describe('GET /v1/articles (search)', () => {
  const run = uniqueSuffix();
  const source = `it-search-${run}`;
  let indexer: TestIndexer;
  let baseUrl: string;
  let dataSource: DataSource;
  let store: ArticleStoreRepository;

  beforeAll(async () => {
    // The HTTP routes only: rows are stored directly.
    indexer = await startTestIndexer(`search-${run}`, { INDEXER_ROLES: 'api' });
    baseUrl = indexer.baseUrl;
    // Migrated by the app above.
    dataSource = await createDataSource({ url: testEnv.databaseUrl, poolSize: 2 }).initialize();
    store = new ArticleStoreRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await indexer?.stop();
  });

  /** Stores versions as the indexer would (no outbox rows: nothing is announced). */
  const seed = async (
    ...specs: Array<Partial<EnrichedArticleSpec> & { versionCreated?: string; sourceId?: string }>
  ): Promise<EnrichedArticleEvent[]> => {
    const events = specs.map(({ versionCreated, ...spec }) => {
      const event = enrichedArticleEvent({
        articleId: randomArticleId(),
        version: 1,
        sourceId: source,
        ...spec,
      });
      return versionCreated ? { ...event, versionCreated } : event;
    });
    await store.storeVersions(events, () => []);
    return events;
  };

  const get = async (path: string, params: Record<string, string | number> = {}) => {
    const query = new URLSearchParams(
      Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]),
    );
    const response = await fetch(`${baseUrl}${path}?${query.toString()}`);
    return { status: response.status, body: await response.json() };
  };

  const search = async (params: Record<string, string | number>): Promise<ArticlePage> => {
    const { status, body } = await get('/v1/articles', { source, ...params });
    if (status !== 200) throw new Error(`GET /v1/articles answered ${status}: ${JSON.stringify(body)}`);
    return body as ArticlePage;
  };

  const ids = (page: ArticlePage) => page.items.map((item) => item.id);

  /** Every page from the first, following nextCursor; `between` runs after each page. */
  const allPages = async (
    params: Record<string, string | number>,
    between: (pageNumber: number) => Promise<unknown> = async () => undefined,
  ): Promise<ArticleSummary[]> => {
    const items: ArticleSummary[] = [];
    let cursor: string | null = null;
    for (let pageNumber = 1; pageNumber < 100; pageNumber++) {
      const page = await search({ ...params, ...(cursor ? { cursor } : {}) });
      items.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) return items;
      await between(pageNumber);
    }
    throw new Error('more than 100 pages');
  };

  const at = (minute: number, micros = 0) =>
    `2026-11-20T10:${String(minute).padStart(2, '0')}:00.${String(micros).padStart(6, '0')}Z`;

  describe('full text', () => {
    const word = `ferry${run}`;

    it('finds articles by headline or body words, stemmed, and ranks headline matches first with order=relevance', async () => {
      const [inHeadline, inBody, elsewhere] = await seed(
        {
          headline: `Striking dockers halt the ${word}`,
          body: 'Talks resume on Monday.',
          versionCreated: at(58),
        },
        { headline: 'Port news', body: `Dockers strike again; the ${word} waits.`, versionCreated: at(59) },
        { headline: 'Weather', body: 'Sunny spells over the harbour.' },
      );

      const recent = await search({ q: `strikes ${word}` });
      const relevant = await search({ q: `strikes ${word}`, order: 'relevance' });

      // "strikes" finds "Striking" and "strike": English stemming.
      expect(ids(recent)).toEqual([inBody.articleId, inHeadline.articleId]); // newest first
      expect(ids(relevant)).toEqual([inHeadline.articleId, inBody.articleId]);
      expect(relevant.items[0].score).toBeGreaterThan(relevant.items[1].score ?? Infinity);
      expect(ids(recent)).not.toContain(elsewhere.articleId);
    });

    it('takes web-search syntax: a quoted phrase, OR and an excluded word', async () => {
      const tag = `lock${run}`;
      const [gates, closed] = await seed(
        { headline: `The ${tag} gates open`, body: 'Ships pass the old lock.' },
        { headline: `The ${tag} closed`, body: 'Gates stay shut for repairs.' },
      );

      expect(ids(await search({ q: `"${tag} gates"` }))).toEqual([gates.articleId]);
      expect(ids(await search({ q: `${tag} -repairs` }))).toEqual([gates.articleId]);
      expect(new Set(ids(await search({ q: `${tag} open OR repairs` })))).toEqual(
        new Set([gates.articleId, closed.articleId]),
      );
    });

    it('searches latest versions only, and shows a killed article with its status', async () => {
      const id = randomArticleId();
      const tag = `quay${run}`;
      await seed({
        articleId: id,
        version: 1,
        headline: `Old ${tag} headline`,
        body: `First draft ${tag}-alpha.`,
      });
      await seed({
        articleId: id,
        version: 2,
        headline: `New ${tag} headline`,
        body: `Second take ${tag}-beta.`,
      });
      const killedId = randomArticleId();
      await seed({ articleId: killedId, version: 1, headline: `Killed ${tag} story`, body: 'Wrong.' });
      await seed({ articleId: killedId, version: 2, headline: `Killed ${tag} story`, pubStatus: 'canceled' });

      expect(ids(await search({ q: `${tag}-alpha` }))).toEqual([]);
      expect((await search({ q: `${tag}-beta` })).items).toEqual([
        expect.objectContaining({ id, version: 2, status: 'updated', headline: `New ${tag} headline` }),
      ]);
      expect((await search({ q: `killed ${tag}` })).items).toEqual([
        expect.objectContaining({ id: killedId, version: 2, status: 'killed', pubStatus: 'canceled' }),
      ]);
    });
  });

  describe('filters', () => {
    it('filters by entity id or name (any case), type, language and versionCreated window', async () => {
      const tag = run.replace(/[^a-z0-9]/g, '');
      const parisCity = { id: `nf:location:paris-${tag}`, name: `Paris${tag}`, type: 'LOCATION' as const };
      const parisPerson = { id: `nf:person:paris-${tag}`, name: `Paris${tag}`, type: 'PERSON' as const };
      const org = {
        id: `nf:organization:harbour-${tag}`,
        name: `Harbour${tag}`,
        type: 'ORGANIZATION' as const,
      };
      const [city, person, organisation, french] = await seed(
        { headline: `Trains to Paris${tag}`, body: 'Delays.', entities: [parisCity], versionCreated: at(1) },
        { headline: `Paris${tag} sings`, body: 'A concert.', entities: [parisPerson], versionCreated: at(2) },
        { headline: `Harbour${tag} report`, body: 'Profits up.', entities: [org], versionCreated: at(3) },
        { headline: 'Le port', body: 'Rien.', language: 'fr', versionCreated: at(4) },
      );

      expect(ids(await search({ entity: parisCity.id }))).toEqual([city.articleId]);
      expect(ids(await search({ entity: `PARIS${tag}` }))).toEqual([person.articleId, city.articleId]);
      expect(ids(await search({ entity: `paris${tag}`, type: 'PERSON' }))).toEqual([person.articleId]);
      expect(ids(await search({ type: 'ORGANIZATION' }))).toEqual([organisation.articleId]);
      expect(ids(await search({ language: 'fr' }))).toEqual([french.articleId]);
      // since inclusive, until exclusive
      expect(ids(await search({ since: at(2), until: at(4) }))).toEqual([
        organisation.articleId,
        person.articleId,
      ]);
      expect(ids(await search({ since: '2026-11-20T11:02:00+01:00', until: at(3) }))).toEqual([
        person.articleId,
      ]);
    });

    it('answers 400 naming each bad parameter', async () => {
      const { status, body } = await get('/v1/articles', { limit: 0, type: 'ANIMAL', since: 'yesterday' });

      expect(status).toBe(400);
      expect((body as { errors: Array<{ path: string }> }).errors.map((e) => e.path).sort()).toEqual([
        '/limit',
        '/since',
        '/type',
      ]);
    });
  });

  describe('keyset pagination', () => {
    it('pages through every article once, in order, while articles are indexed between pages', async () => {
      const paged = `page-${run}`;
      // Ties on versionCreated on purpose: the id breaks them, to the microsecond.
      const existing = await seed(
        ...Array.from({ length: 23 }, (_, n) => ({
          sourceId: paged,
          headline: `Item ${n}`,
          versionCreated: at(10 + Math.floor(n / 3), n % 2),
        })),
      );
      const inserted: EnrichedArticleEvent[] = [];

      const seen = await allPages({ source: paged, limit: 5 }, async (pageNumber) => {
        // One newer than everything (lands before the cursor: not seen), one older, one tying the oldest items.
        inserted.push(
          ...(await seed(
            { sourceId: paged, headline: `Newer ${pageNumber}`, versionCreated: at(50, pageNumber) },
            // Each older than everything so far, so it sorts after any cursor: it must be seen.
            { sourceId: paged, headline: `Older ${pageNumber}`, versionCreated: at(0, 100 - pageNumber) },
            { sourceId: paged, headline: `Tie ${pageNumber}`, versionCreated: at(10, 0) },
          )),
        );
      });

      const seenIds = seen.map((item) => item.id);
      expect(new Set(seenIds).size).toBe(seenIds.length); // no duplicates
      expect(seenIds).toEqual(expect.arrayContaining(existing.map((e) => e.articleId))); // no gaps
      // Newest first, id descending on ties, to the microsecond (the answers show milliseconds).
      const exact = new Map([...existing, ...inserted].map((e) => [e.articleId, e.versionCreated]));
      const keys = seenIds.map((id) => `${exact.get(id)} ${id}`);
      expect(keys).toEqual([...keys].sort().reverse());
      // The older ones inserted meanwhile come after the cursor, so they are seen too.
      const older = inserted.filter((e) => e.headline.startsWith('Older')).map((e) => e.articleId);
      expect(seenIds).toEqual(expect.arrayContaining(older));
      expect(await search({ source: paged, limit: 100 })).toMatchObject({ nextCursor: null });
    });

    it('pages by relevance without repeating or skipping', async () => {
      const paged = `rank-${run}`;
      const word = `berth${run}`;
      const events = await seed(
        ...Array.from({ length: 12 }, (_, n) => ({
          sourceId: paged,
          headline: n % 3 === 0 ? `${word} ${word}` : `Story ${n}`,
          body: `${word} `.repeat(1 + (n % 4)),
          versionCreated: at(20 + (n % 2)),
        })),
      );

      const seen = await allPages({ source: paged, q: word, order: 'relevance', limit: 4 });

      expect(seen.map((s) => s.id).sort()).toEqual(events.map((e) => e.articleId).sort());
      const scores = seen.map((s) => s.score ?? NaN);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('refuses a cursor used with other filters', async () => {
      await seed({ headline: 'One' }, { headline: 'Two' });
      const first = await search({ limit: 1 });

      const { status, body } = await get('/v1/articles', {
        source: `${source}-other`,
        cursor: first.nextCursor ?? '',
      });

      expect(status).toBe(400);
      expect(body).toMatchObject({ errors: [{ path: '/cursor' }] });
    });
  });

  describe('GET /v1/articles/:id/versions', () => {
    it('lists every stored version, oldest first, with status, hash and times', async () => {
      const id = randomArticleId();
      const [v1] = await seed({ articleId: id, version: 1, headline: 'First' });
      const [v2] = await seed({ articleId: id, version: 2, headline: 'Second', body: 'Changed.' });
      const [v3] = await seed({ articleId: id, version: 3, headline: 'Second', pubStatus: 'canceled' });

      const { status, body } = await get(`/v1/articles/${id}/versions`);

      expect(status).toBe(200);
      const versions = body as ArticleVersions;
      expect(versions.id).toBe(id);
      expect(
        versions.versions.map((v) => [v.version, v.status, v.pubStatus, v.headline, v.contentHash]),
      ).toEqual([
        [1, 'accepted', 'usable', 'First', v1.contentHash],
        [2, 'updated', 'usable', 'Second', v2.contentHash],
        [3, 'killed', 'canceled', 'Second', v3.contentHash],
      ]);
      expect(versions.versions[2].versionCreated).toBe(v3.versionCreated);
      expect(Date.parse(versions.versions[0].indexedAt)).not.toBeNaN();
    });

    it('answers 404 for an article never indexed and 400 for a malformed id', async () => {
      expect((await get(`/v1/articles/${randomArticleId()}/versions`)).status).toBe(404);
      expect(await get('/v1/articles/nope/versions')).toMatchObject({
        status: 400,
        body: { errors: [{ path: '/id' }] },
      });
    });
  });

  describe('GET /v1/articles/:id?format=ninjs', () => {
    const validate = ninjsValidator();

    it('answers ninjs 2.2 that IPTC’s schema accepts, with people, organisations and places', async () => {
      const id = randomArticleId();
      await seed({
        articleId: id,
        headline: 'Okafor visits Lisbon',
        body: 'Maria Okafor met the Port Authority in Lisbon.',
        entities: [
          { id: `nf:person:okafor-${run}`, name: 'Maria Okafor', type: 'PERSON' },
          { id: 'Q597', name: 'Lisbon', type: 'LOCATION' },
          { id: `nf:organization:port-${run}`, name: 'Port Authority', type: 'ORGANIZATION' },
        ],
      });

      const { status, body } = await get(`/v1/articles/${id}`, { format: 'ninjs' });

      expect(status).toBe(200);
      expect(validate(body)).toEqual([]);
      expect(body).toMatchObject({
        uri: `urn:newsflow:article:${id}`,
        version: '1',
        pubstatus: 'usable',
        headlines: [{ role: 'main', value: 'Okafor visits Lisbon' }],
        bodies: [{ contenttype: 'text/plain', value: 'Maria Okafor met the Port Authority in Lisbon.' }],
        people: [{ name: 'Maria Okafor', uri: `urn:newsflow:entity:nf:person:okafor-${run}` }],
        organisations: [{ name: 'Port Authority', uri: `urn:newsflow:entity:nf:organization:port-${run}` }],
        places: [{ name: 'Lisbon', uri: 'http://www.wikidata.org/entity/Q597' }],
      });
    });

    it('answers a killed article as ninjs with pubstatus canceled, and 400 for an unknown format', async () => {
      const id = randomArticleId();
      await seed({ articleId: id, version: 1 });
      await seed({ articleId: id, version: 2, pubStatus: 'canceled' });

      const { body } = await get(`/v1/articles/${id}`, { format: 'ninjs' });

      expect(validate(body)).toEqual([]);
      expect(body).toMatchObject({ version: '2', pubstatus: 'canceled' });
      expect(await get(`/v1/articles/${id}`, { format: 'newsml' })).toMatchObject({
        status: 400,
        body: { errors: [{ path: '/format' }] },
      });
    });
  });
});
