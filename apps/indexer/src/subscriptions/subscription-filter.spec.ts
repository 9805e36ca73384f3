import { createValidator } from '@newsflow/contracts';
import {
  checkFilter,
  compileFilter,
  parseQuery,
  SubscriptionFilterSchema,
  SubscriptionIndex,
  type MatchableArticle,
  type SubscriptionFilter,
} from './subscription-filter';

const article = (overrides: Partial<MatchableArticle> = {}): MatchableArticle => ({
  articleId: 'a'.repeat(32),
  version: 1,
  kind: 'created',
  sourceId: 'reuters',
  language: 'en',
  topics: ['politics'],
  entities: [
    { id: 'Q76', name: 'Barack Obama', type: 'PERSON' },
    { id: 'nf:organization:acme-corp', name: 'Acme Corp', type: 'ORGANIZATION' },
  ],
  text: 'Obama visits Acme plant in Ohio\n\nThe former president toured the new battery factory on Tuesday.',
  ...overrides,
});

const matches = (filter: SubscriptionFilter, a: MatchableArticle = article()) => compileFilter(filter)(a);

describe('compileFilter', () => {
  it('matches everything with an empty filter', () => {
    expect(matches({})).toBe(true);
  });

  it('matches entities by canonical id or by name, case-insensitively, any of the values', () => {
    expect(matches({ entities: ['Q76'] })).toBe(true);
    expect(matches({ entities: ['nf:organization:acme-corp'] })).toBe(true);
    expect(matches({ entities: ['barack obama'] })).toBe(true);
    expect(matches({ entities: ['Q1', 'ACME CORP'] })).toBe(true);
    expect(matches({ entities: ['Q1', 'Obama'] })).toBe(false); // a name matches exactly, not partly
  });

  it('ANDs keys together and ORs the values of one key', () => {
    expect(matches({ entities: ['Q76'], languages: ['en'] })).toBe(true);
    expect(matches({ entities: ['Q76'], languages: ['fr'] })).toBe(false);
    expect(
      matches({ languages: ['fr', 'en'], sources: ['afp', 'reuters'], topics: ['sport', 'politics'] }),
    ).toBe(true);
    expect(matches({ sources: ['afp'] })).toBe(false);
    expect(matches({ topics: ['Politics'] })).toBe(false); // exact
  });

  it('reads types as entity types (an entity of that type is mentioned) and update kinds', () => {
    expect(matches({ types: ['PERSON'] })).toBe(true);
    expect(matches({ types: ['LOCATION'] })).toBe(false);
    expect(matches({ types: ['LOCATION', 'ORGANIZATION'] })).toBe(true);
    expect(matches({ types: ['created'] })).toBe(true);
    expect(matches({ types: ['updated', 'killed'] })).toBe(false);
    expect(matches({ types: ['killed'] }, article({ kind: 'killed', version: 3 }))).toBe(true);
    // both kinds of values: both conditions hold
    expect(matches({ types: ['PERSON', 'updated'] })).toBe(false);
    expect(matches({ types: ['PERSON', 'created'] })).toBe(true);
  });

  it('with entities and entity types, requires the named entity itself to have the type', () => {
    expect(matches({ entities: ['Q76'], types: ['PERSON'] })).toBe(true);
    expect(matches({ entities: ['Q76'], types: ['ORGANIZATION'] })).toBe(false);
    expect(matches({ entities: ['Q76', 'Acme Corp'], types: ['ORGANIZATION'] })).toBe(true);
  });

  it('queries word tokens: terms AND, phrases, OR, negation, any case', () => {
    expect(matches({ query: 'obama battery' })).toBe(true);
    expect(matches({ query: 'OBAMA Battery' })).toBe(true);
    expect(matches({ query: 'obama biden' })).toBe(false);
    expect(matches({ query: 'obama biden OR ohio' })).toBe(true);
    expect(matches({ query: '"battery factory"' })).toBe(true);
    expect(matches({ query: '"factory battery"' })).toBe(false);
    expect(matches({ query: 'obama -ohio' })).toBe(false);
    expect(matches({ query: 'obama -"new york"' })).toBe(true);
    expect(matches({ query: '-texas' })).toBe(true);
    expect(matches({ query: 'bat' })).toBe(false); // whole tokens, no prefixes
    expect(matches({ query: 'tuesday.' })).toBe(true); // punctuation separates words
  });

  it('parses the websearch subset', () => {
    expect(parseQuery('a "b c" OR d -e')).toEqual([
      { negated: false, alternatives: [['a']] },
      { negated: false, alternatives: [['b', 'c'], ['d']] },
      { negated: true, alternatives: [['e']] },
    ]);
    expect(parseQuery('OR , -')).toEqual([]);
  });
});

describe('SubscriptionFilterSchema', () => {
  const validate = createValidator(SubscriptionFilterSchema);

  it('accepts every key and refuses unknown keys and bad types, naming the field', () => {
    expect(
      validate({
        entities: ['Q76'],
        types: ['PERSON', 'killed'],
        query: 'a',
        sources: ['s'],
        languages: ['en'],
        topics: ['t'],
      }).ok,
    ).toBe(true);
    const result = validate({ types: ['PERSON', 'people'], colour: 'red' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['/types/1', '/colour']));
  });

  it('refuses a query without words', () => {
    expect(checkFilter({ query: '-- "" OR' })).toEqual([{ path: '/query', message: expect.any(String) }]);
    expect(checkFilter({ query: 'obama' })).toEqual([]);
  });
});

describe(SubscriptionIndex.name, () => {
  // A small vocabulary so that random filters and articles often meet.
  const words = ['obama', 'acme', 'ohio', 'battery', 'factory', 'storm', 'election', 'the', 'of', 'vote'];
  const entities = [
    { id: 'Q76', name: 'Barack Obama', type: 'PERSON' },
    { id: 'Q1', name: 'Acme', type: 'ORGANIZATION' },
    { id: 'Q2', name: 'Ohio', type: 'LOCATION' },
    { id: 'nf:misc:x', name: 'X Prize', type: 'MISC' },
    { id: 'Q3', name: 'Jane Roe', type: 'PERSON' },
  ];
  const kinds = ['created', 'updated', 'killed'] as const;
  const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const some = <T>(random: () => number, list: readonly T[], max = 2): T[] => [
    ...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(random, list))),
  ];

  /** Deterministic (mulberry32), so a failure can be replayed. */
  const seeded = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const randomFilter = (random: () => number): SubscriptionFilter => {
    const filter: SubscriptionFilter = {};
    if (random() < 0.3) {
      filter.entities = some(random, entities).map((e) => (random() < 0.5 ? e.id : e.name.toUpperCase()));
    }
    if (random() < 0.2) {
      filter.types = some(random, ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC', ...kinds] as const);
    }
    if (random() < 0.3) {
      const parts = some(random, words, 3).map((w) => {
        const roll = random();
        return roll < 0.15 ? `-${w}` : roll < 0.3 ? `"${w} ${pick(random, words)}"` : w;
      });
      if (random() < 0.3) parts.push('OR', pick(random, words));
      filter.query = parts.join(' ');
    }
    if (random() < 0.2) filter.sources = some(random, ['s1', 's2', 's3']);
    if (random() < 0.2) filter.languages = some(random, ['en', 'fr']);
    if (random() < 0.2) filter.topics = some(random, ['politics', 'sport', 'weather']);
    return filter;
  };

  const randomArticle = (random: () => number): MatchableArticle => ({
    articleId: 'b'.repeat(32),
    version: 1 + Math.floor(random() * 3),
    kind: pick(random, kinds),
    sourceId: pick(random, ['s1', 's2', 's3']),
    language: pick(random, ['en', 'fr']),
    topics: some(random, ['politics', 'sport', 'weather']),
    entities: random() < 0.2 ? [] : some(random, entities, 3),
    text: Array.from({ length: 3 + Math.floor(random() * 12) }, () => pick(random, words)).join(' '),
  });

  it('returns exactly what checking every filter would (random filters and articles)', () => {
    const random = seeded(42);
    const sut = new SubscriptionIndex();
    const filters = new Map<string, SubscriptionFilter>();
    for (let i = 0; i < 2_000; i += 1) {
      const filter = randomFilter(random);
      if (checkFilter(filter).length > 0) continue;
      filters.set(`sub-${i}`, filter);
      sut.add(`sub-${i}`, filter);
    }
    // some removals and replacements, as PATCH and DELETE do
    for (let i = 0; i < 2_000; i += 7) {
      sut.remove(`sub-${i}`);
      filters.delete(`sub-${i}`);
    }
    for (let i = 3; i < 2_000; i += 11) {
      if (!filters.has(`sub-${i}`)) continue;
      const filter = randomFilter(random);
      if (checkFilter(filter).length > 0) continue;
      filters.set(`sub-${i}`, filter);
      sut.add(`sub-${i}`, filter);
    }
    expect(sut.size).toBe(filters.size);
    const compiled = [...filters].map(([id, filter]) => [id, compileFilter(filter)] as const);
    let total = 0;
    for (let n = 0; n < 500; n += 1) {
      const a = randomArticle(random);
      const expected = compiled.filter(([, matches]) => matches(a)).map(([id]) => id);
      expect(sut.match(a).sort()).toEqual(expected.sort());
      total += expected.length;
    }
    expect(total).toBeGreaterThan(1_000); // the data really exercises matches, not only misses
  });

  it('forgets removed subscriptions and re-files replaced ones', () => {
    const sut = new SubscriptionIndex();
    sut.add('x', { entities: ['Q76'] });
    expect(sut.match(article())).toEqual(['x']);
    sut.add('x', { entities: ['Q999'] });
    expect(sut.match(article())).toEqual([]);
    sut.remove('x');
    expect(sut.size).toBe(0);
  });
});
