import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ArticleView } from './articles.schemas';
import { entityUri, toNinjs } from './ninjs';
import { NINJS_SCHEMA_DIR, ninjsValidator } from './ninjs-schema.testing';

const article = (overrides: Partial<ArticleView> = {}): ArticleView => ({
  id: 'c'.repeat(32),
  version: 3,
  status: 'updated',
  pubStatus: 'usable',
  sourceId: 'wire',
  uri: 'story 42 (not a URI)',
  headline: 'Okafor reopens the Lisbon harbour',
  byline: 'Ana Silva',
  bodyHtml: '<p>Maria Okafor said the harbour in Lisbon would reopen.</p>',
  text: 'Okafor reopens the Lisbon harbour\n\nMaria Okafor said the harbour in Lisbon would reopen.',
  language: 'en',
  topics: ['transport'],
  keywords: [],
  versionCreated: '2026-11-27T08:03:00.000Z',
  firstCreated: '2026-11-27T08:01:00.000Z',
  ingestedAt: '2026-11-27T08:03:01.000Z',
  indexedAt: '2026-11-27T08:03:02.000Z',
  clusterId: 'd'.repeat(32),
  entities: [
    { id: 'nf:person:maria-okafor', name: 'Maria Okafor', type: 'PERSON', mentions: [] },
    { id: 'Q597', name: 'Lisbon', type: 'LOCATION', mentions: [] },
    { id: 'nf:organization:port-of-lisbon', name: 'Port of Lisbon', type: 'ORGANIZATION', mentions: [] },
    { id: 'nf:misc:portuguese', name: 'Portuguese', type: 'MISC', mentions: [] },
    { id: 'nf:location:são-tomé', name: 'São Tomé', type: 'LOCATION', mentions: [] },
    { id: 'geonames:2988507', name: 'Paris', type: 'LOCATION', mentions: [] },
    { id: 'iso3166-2:US-TX', name: 'Texas', type: 'LOCATION', mentions: [] },
  ],
  ...overrides,
});

describe(toNinjs.name, () => {
  const validate = ninjsValidator();

  it('writes ninjs 2.2 that IPTC’s schema accepts, with entities as people, organisations and places', () => {
    const ninjs = toNinjs(article());

    expect(validate(ninjs)).toEqual([]);
    expect(ninjs).toEqual({
      uri: `urn:newsflow:article:${'c'.repeat(32)}`,
      type: 'text',
      representationtype: 'full',
      version: '3',
      versioncreated: '2026-11-27T08:03:00.000Z',
      firstcreated: '2026-11-27T08:01:00.000Z',
      pubstatus: 'usable',
      language: 'en',
      headlines: [{ role: 'main', value: 'Okafor reopens the Lisbon harbour' }],
      bodies: [
        {
          role: 'main',
          contenttype: 'text/plain',
          value: 'Maria Okafor said the harbour in Lisbon would reopen.',
        },
        {
          role: 'main',
          contenttype: 'text/html',
          value: '<p>Maria Okafor said the harbour in Lisbon would reopen.</p>',
        },
      ],
      by: 'Ana Silva',
      people: [{ name: 'Maria Okafor', uri: 'urn:newsflow:entity:nf:person:maria-okafor' }],
      organisations: [{ name: 'Port of Lisbon', uri: 'urn:newsflow:entity:nf:organization:port-of-lisbon' }],
      places: [
        { name: 'Lisbon', uri: 'http://www.wikidata.org/entity/Q597' },
        { name: 'São Tomé', uri: 'urn:newsflow:entity:nf:location:s%C3%A3o-tom%C3%A9' },
        { name: 'Paris', uri: 'https://sws.geonames.org/2988507/' },
        { name: 'Texas', uri: 'urn:newsflow:entity:iso3166-2:US-TX' },
      ],
      subjects: [
        { name: 'transport', rel: 'topic' },
        { name: 'Portuguese', uri: 'urn:newsflow:entity:nf:misc:portuguese', rel: 'mentioned' },
      ],
      altids: [
        { role: 'newsflow-article-id', value: 'c'.repeat(32) },
        { role: 'publisher-uri', value: 'story 42 (not a URI)' },
        { role: 'newsflow-source', value: 'wire' },
        { role: 'newsflow-cluster', value: 'd'.repeat(32) },
      ],
    });
  });

  it('writes a killed article with no body, no entities and no first-created time as valid ninjs', () => {
    const ninjs = toNinjs(
      article({
        pubStatus: 'canceled',
        status: 'killed',
        text: 'Okafor reopens the Lisbon harbour\n\n',
        bodyHtml: null,
        byline: null,
        firstCreated: null,
        clusterId: null,
        topics: [],
        entities: [],
      }),
    );

    expect(validate(ninjs)).toEqual([]);
    expect(ninjs.pubstatus).toBe('canceled');
    expect(ninjs).not.toHaveProperty('bodies');
    expect(ninjs).not.toHaveProperty('people');
    expect(ninjs).not.toHaveProperty('firstcreated');
  });

  it('is checked by a validator that does refuse bad ninjs', () => {
    expect(validate({ ...toNinjs(article()), pubstatus: 'killed', version: 3 })).not.toEqual([]);
    expect(validate({ uri: 'urn:x:1', people: [{ name: 'A', uri: 'not a uri' }] })).not.toEqual([]);
  });

  it('accepts IPTC’s own 2.2 examples (the schema is read correctly, GeoJSON reference included)', () => {
    const examples = readdirSync(NINJS_SCHEMA_DIR).filter((name) => /^\d{3}_.*\.json$/.test(name));
    const problems = examples.flatMap((name) =>
      validate(JSON.parse(readFileSync(join(NINJS_SCHEMA_DIR, name), 'utf8'))).map((e) => [
        name,
        e.instancePath,
        e.keyword,
      ]),
    );

    expect(examples.length).toBeGreaterThanOrEqual(7);
    // IPTC's renditions example has `"uri": "renditions-example"`, which is not a URI: its own schema
    // refuses it. Everything else validates.
    expect(problems).toEqual([['002_renditions_example.json', '/uri', 'format']]);
  });
});

describe(entityUri.name, () => {
  it('gives Wikidata’s URI for a QID and a Newsflow URN for anything else', () => {
    expect(entityUri('Q42')).toBe('http://www.wikidata.org/entity/Q42');
    expect(entityUri('nf:person:zoe-o-brien')).toBe('urn:newsflow:entity:nf:person:zoe-o-brien');
    expect(entityUri('Q42x')).toBe('urn:newsflow:entity:Q42x');
  });

  it('gives GeoNames’ URI for a GeoNames id and keeps ISO 3166-2 codes readable in the Newsflow URN', () => {
    expect(entityUri('geonames:2988507')).toBe('https://sws.geonames.org/2988507/');
    expect(entityUri('geonames:12x')).toBe('urn:newsflow:entity:geonames:12x');
    expect(entityUri('iso3166-2:GB-ENG')).toBe('urn:newsflow:entity:iso3166-2:GB-ENG');
  });
});
