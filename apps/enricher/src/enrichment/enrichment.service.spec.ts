import { validateEnrichedArticleEvent, type RawArticleEvent } from '@newsflow/contracts';
import { type Tagger } from '@newsflow/tagger';
import { EnrichmentService } from './enrichment.service';

// The entity tagger is not under test here; this one finds no entities and reports the language
// it is told to, so the topics and keywords seen below come from the real classifier and extractor.
const taggerSaying = (language: string): Tagger => ({ tag: () => ({ language, entities: [] }) });

// Written for this test.
const rawEvent = (overrides: Partial<RawArticleEvent> = {}): RawArticleEvent => ({
  schema: 'newsflow.raw-article.v1',
  eventId: '3f9a6c1e-2b7d-4c8e-9f10-5a6b7c8d9e0f',
  articleId: 'c'.repeat(32),
  version: 1,
  status: 'accepted',
  sourceId: 'test-source',
  uri: 'urn:newsflow:test:enrichment-service',
  headline: 'Hurricane warning issued as storm strengthens off the coast',
  bodyText:
    'Forecasters issued a hurricane warning on Sunday as the storm strengthened over warm water. ' +
    'The hurricane had sustained winds of 150 km/h and was expected to make landfall late on Monday, ' +
    'bringing heavy rain to the coast. The weather service said rainfall could reach 200 millimetres ' +
    'in places and urged residents near the coast to prepare for flooding.',
  pubStatus: 'usable',
  versionCreated: '2026-11-27T10:00:00Z',
  contentHash: 'd'.repeat(64),
  ingestedAt: '2026-11-27T10:00:01Z',
  ...overrides,
});

describe(EnrichmentService.name, () => {
  it('publishes IPTC topics with their evidence, and keywords, on the enriched event', () => {
    const sut = new EnrichmentService(taggerSaying('en'));
    const enriched = sut.enrich(rawEvent());

    expect(enriched.topics[0]).toBe('medtop:17000000');
    expect(enriched.topicDetails?.map((topic) => topic.code)).toEqual(enriched.topics);
    expect(enriched.topicDetails?.[0]).toMatchObject({ label: 'weather' });
    expect(enriched.topicDetails?.[0].cues).toEqual(expect.arrayContaining(['hurricane', 'landfall']));
    expect(enriched.keywords).toEqual(expect.arrayContaining(['hurricane warning', 'coast', 'storm']));
    expect(validateEnrichedArticleEvent(enriched).ok).toBe(true);
  });

  it('reads topics and keywords from an HTML body too', () => {
    const sut = new EnrichmentService(taggerSaying('en'));
    const html = `<p>${rawEvent().bodyText?.replace(/\. /g, '.</p><p>')}</p>`;
    const enriched = sut.enrich(rawEvent({ bodyText: undefined, bodyHtml: html }));

    expect(enriched.topics[0]).toBe('medtop:17000000');
    expect(enriched.keywords).toContain('hurricane warning');
  });

  it('gives a non-English article no topics and no keywords rather than English guesses', () => {
    const sut = new EnrichmentService(taggerSaying('de'));
    const enriched = sut.enrich(rawEvent());

    expect(enriched.language).toBe('de');
    expect(enriched.topics).toEqual([]);
    expect(enriched.topicDetails).toEqual([]);
    expect(enriched.keywords).toEqual([]);
    expect(validateEnrichedArticleEvent(enriched).ok).toBe(true);
  });
});
