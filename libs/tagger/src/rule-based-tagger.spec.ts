import { createTagger, type EntityMention, type Tagger } from './index';

// Sample texts are written for these tests; they are not taken from any data set.
const ARTICLE = [
  'Chancellor Olaf Scholz welcomed Prime Minister Aiko Tanabe to Berlin on Monday.',
  '',
  "Tanabe's visit follows a meeting of NATO ministers in Brussels, where Secretary of State Jane Okafor spoke.",
  'Okafor said the United Nations would send observers, according to Dr. Samuel Brightwater of the World Health Organization.',
  "Scholz's office said the talks at Northwind Logistics Inc. were productive.",
].join('\n');

function find(entities: readonly EntityMention[], text: string): EntityMention[] {
  return entities.filter((entity) => entity.text === text);
}

describe('RuleBasedTagger', () => {
  let tagger: Tagger;

  beforeAll(async () => {
    tagger = await createTagger();
  }, 30_000);

  it('gives offsets that slice back to the mention text', () => {
    const { entities } = tagger.tag(ARTICLE);
    expect(entities.length).toBeGreaterThan(5);
    for (const entity of entities) {
      expect(ARTICLE.slice(entity.start, entity.end)).toBe(entity.text);
      expect(entity.end).toBeGreaterThan(entity.start);
      expect(entity.confidence).toBeGreaterThan(0);
      expect(entity.confidence).toBeLessThanOrEqual(1);
    }
    const starts = entities.map((entity) => entity.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('counts offsets in UTF-16 code units, like JavaScript strings', () => {
    const text = 'Fans 🎉🎉 cheered as Marta Kowalczyk landed in Warsaw.';
    const { entities } = tagger.tag(text);
    const person = find(entities, 'Marta Kowalczyk')[0];
    expect(person).toBeDefined();
    expect(text.slice(person.start, person.end)).toBe('Marta Kowalczyk');
  });

  it('leaves titles out of person names and marks the name a person', () => {
    const { entities } = tagger.tag(ARTICLE);
    expect(find(entities, 'Aiko Tanabe')[0]?.type).toBe('PERSON');
    expect(find(entities, 'Jane Okafor')[0]?.type).toBe('PERSON');
    expect(find(entities, 'Samuel Brightwater')[0]?.type).toBe('PERSON');
    const texts = entities.map((entity) => entity.text);
    expect(texts.some((text) => /Prime Minister|Secretary|Chancellor|Dr\./.test(text))).toBe(false);
  });

  it('strips the possessive from a name', () => {
    const { entities } = tagger.tag(ARTICLE);
    expect(find(entities, "Tanabe's")).toHaveLength(0);
    expect(find(entities, 'Tanabe')[0]?.type).toBe('PERSON');
    expect(find(entities, 'Scholz')[0]?.type).toBe('PERSON');
  });

  it('links a later bare surname to the full name: same id and type', () => {
    const { entities } = tagger.tag(ARTICLE);
    const full = find(entities, 'Aiko Tanabe')[0];
    const bare = find(entities, 'Tanabe')[0];
    expect(bare.id).toBe(full.id);
    expect(full.id).toBe('nf:person:aiko-tanabe');
    expect(find(entities, 'Okafor')[0]?.id).toBe(find(entities, 'Jane Okafor')[0]?.id);
    expect(find(entities, 'Scholz')[0]?.id).toBe('Q61053');
  });

  it('links curated entities to their Wikidata ids', () => {
    const { entities } = tagger.tag(ARTICLE);
    expect(find(entities, 'Olaf Scholz')[0]).toMatchObject({ type: 'PERSON', id: 'Q61053' });
    expect(find(entities, 'Berlin')[0]).toMatchObject({ type: 'LOCATION', id: 'Q64' });
    expect(find(entities, 'Brussels')[0]).toMatchObject({ type: 'LOCATION', id: 'Q239' });
    expect(find(entities, 'NATO')[0]).toMatchObject({ type: 'ORGANIZATION', id: 'Q7184' });
    expect(find(entities, 'United Nations')[0]).toMatchObject({ type: 'ORGANIZATION', id: 'Q1065' });
    expect(find(entities, 'World Health Organization')[0]).toMatchObject({
      type: 'ORGANIZATION',
      id: 'Q7817',
    });
  });

  it('types organisations by their suffix and gives unknown names an nf: id', () => {
    const { entities } = tagger.tag(ARTICLE);
    expect(find(entities, 'Northwind Logistics Inc.')[0]).toMatchObject({
      type: 'ORGANIZATION',
      id: 'nf:organization:northwind-logistics-inc',
    });
  });

  it('keeps one type per entity across the document', () => {
    const text =
      'Analysts at Quellbrook Partners expect growth. Quellbrook has offices in Oslo, and Quellbrook hired staff.';
    const { entities } = tagger.tag(text);
    const types = new Set(
      entities.filter((entity) => entity.text.startsWith('Quellbrook')).map((entity) => entity.type),
    );
    expect(types.size).toBe(1);
  });

  it('links an acronym to the organisation it abbreviates', () => {
    const text =
      'The Coastal Safety Authority opened an inquiry. A CSA inspector visited the harbour in Tromso.';
    const { entities } = tagger.tag(text);
    const full = find(entities, 'Coastal Safety Authority')[0];
    expect(full).toMatchObject({ type: 'ORGANIZATION', id: 'nf:organization:coastal-safety-authority' });
    expect(find(entities, 'CSA')[0]).toMatchObject({ type: 'ORGANIZATION', id: full?.id });
  });

  it('does not tag month and day names, sentence openers or all-caps lines', () => {
    const text =
      'BREAKING NEWS FROM THE CAPITAL\nOn Tuesday, March 3, the minister arrived. However, nobody in Lisbon spoke.';
    const { entities } = tagger.tag(text);
    expect(entities.map((entity) => entity.text)).toEqual(['Lisbon']);
  });

  it('takes the place name from a dateline and the names from a byline, not the noise', () => {
    const text =
      'By Priya Raman and Tomas Lindqvist\nGENEVA, May 4 (Reuters) - Health officials in Geneva met on Friday to review vaccine supplies for the region.';
    const { entities } = tagger.tag(text);
    expect(entities.map((entity) => [entity.text, entity.type])).toEqual([
      ['Priya Raman', 'PERSON'],
      ['Tomas Lindqvist', 'PERSON'],
      ['GENEVA', 'LOCATION'],
      ['Reuters', 'ORGANIZATION'],
      ['Geneva', 'LOCATION'],
    ]);
    expect(find(entities, 'GENEVA')[0]?.id).toBe('Q71');
  });

  it('splits a nationality adjective from the title and name that follow it', () => {
    const { entities } = tagger.tag('French President Emmanuel Macron spoke to Israeli reporters in Paris.');
    expect(entities.map((entity) => [entity.text, entity.type, entity.id])).toEqual([
      ['French', 'MISC', 'nf:misc:french'],
      ['Emmanuel Macron', 'PERSON', 'Q3052772'],
      ['Israeli', 'MISC', 'nf:misc:israeli'],
      ['Paris', 'LOCATION', 'Q90'],
    ]);
  });

  it('joins name particles and keeps "of" inside organisation names', () => {
    const { entities } = tagger.tag('Ursula von der Leyen met officials of the Bank of England in London.');
    expect(find(entities, 'Ursula von der Leyen')[0]?.type).toBe('PERSON');
    expect(find(entities, 'Bank of England')[0]?.type).toBe('ORGANIZATION');
    expect(find(entities, 'London')[0]?.id).toBe('Q84');
  });

  it('takes only confirmed names from a title-case headline', () => {
    const text =
      'Scholz Hosts Tanabe For Talks On Trade\n\nChancellor Olaf Scholz met Aiko Tanabe in Berlin.';
    const { entities } = tagger.tag(text);
    const headline = entities.filter((entity) => entity.end <= text.indexOf('\n'));
    expect(headline.map((entity) => [entity.text, entity.id])).toEqual([
      ['Scholz', 'Q61053'],
      ['Tanabe', 'nf:person:aiko-tanabe'],
    ]);
  });

  it('detects German and French and makes no English rule guesses for them', () => {
    const german = tagger.tag(
      'Die Bundesregierung hat am Dienstag in Berlin neue Maßnahmen für die Wirtschaft beschlossen, sagte ein Sprecher.',
    );
    expect(german.language).toBe('de');
    expect(german.entities.map((entity) => entity.text)).toEqual(['Berlin']);

    const french = tagger.tag(
      'Le gouvernement a présenté mercredi un nouveau plan pour les hôpitaux, a déclaré la ministre de la Santé à Paris.',
    );
    expect(french.language).toBe('fr');
    expect(french.entities.map((entity) => [entity.text, entity.id])).toEqual([['Paris', 'Q90']]);
  });

  it('reports und for text too short to tell', () => {
    expect(tagger.tag('Joe Biden').language).toBe('und');
    expect(tagger.tag('').language).toBe('und');
    expect(tagger.tag('').entities).toEqual([]);
  });
});
