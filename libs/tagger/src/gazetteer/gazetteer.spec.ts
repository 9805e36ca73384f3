import { localEntityId, slugify } from '../entity-id';
import { createDefaultGazetteer, DEFAULT_GAZETTEER_ENTRIES, Gazetteer } from './gazetteer';
import { PARTIES } from './parties.gazetteer';
import { SPORTS } from './sports.gazetteer';

describe(Gazetteer.name, () => {
  const gazetteer = createDefaultGazetteer();

  it('loads without a surface form listed twice', () => {
    expect(() => createDefaultGazetteer()).not.toThrow();
    expect(() => new Gazetteer([...DEFAULT_GAZETTEER_ENTRIES, { name: 'Berlin', type: 'LOCATION' }])).toThrow(
      /twice/,
    );
  });

  it('holds only well-formed Wikidata ids, each used by one entry', () => {
    const qids = DEFAULT_GAZETTEER_ENTRIES.flatMap((entry) => (entry.qid === undefined ? [] : [entry.qid]));
    expect(qids.length).toBeGreaterThan(150);
    for (const qid of qids) expect(qid).toMatch(/^Q[1-9][0-9]*$/);
    expect(new Set(qids).size).toBe(qids.length);
  });

  it.each([
    ['United States', 'LOCATION', 'Q30'],
    ['U.S.', 'LOCATION', 'Q30'],
    ['Germany', 'LOCATION', 'Q183'],
    ['Tokyo', 'LOCATION', 'Q1490'],
    ['EU', 'ORGANIZATION', 'Q458'],
    ['WHO', 'ORGANIZATION', 'Q7817'],
    ['Reuters', 'ORGANIZATION', 'Q130879'],
    ['McDonald’s', 'ORGANIZATION', 'Q38076'],
    ['Emmanuel Macron', 'PERSON', 'Q3052772'],
  ])('maps %s to a %s with id %s', (surface, type, qid) => {
    expect(gazetteer.lookup(surface)).toMatchObject({ type, qid });
  });

  it.each([
    ['Atlanta Falcons', 'Atlanta Falcons', undefined],
    ['Falcons', 'Atlanta Falcons', undefined],
    ['Maple Leafs', 'Toronto Maple Leafs', undefined],
    ['Man Utd', 'Manchester United', 'Q18656'],
    ['Liverpool FC', 'Liverpool F.C.', 'Q1130849'],
    ['FIFA', 'FIFA', 'Q253414'],
    ['Likud', 'Likud', undefined],
    ['AfD', 'Alternative for Germany', 'Q6721203'],
    ['BJP', 'Bharatiya Janata Party', 'Q10230'],
    ['Labour', 'Labour Party', undefined],
  ])('maps the club, body or party %s to the organisation %s', (surface, name, qid) => {
    const hit = gazetteer.lookup(surface);
    expect(hit).toMatchObject({ name, type: 'ORGANIZATION' });
    expect(hit?.qid).toBe(qid);
  });

  it('keeps city names places and leaves shared or common-word nicknames out', () => {
    expect(gazetteer.lookup('Liverpool')?.type).toBe('LOCATION');
    expect(gazetteer.lookup('Atlanta')?.type).toBe('LOCATION');
    for (const nickname of [
      'Heat',
      'Magic',
      'Jazz',
      'Giants',
      'Cardinals',
      'Panthers',
      'Jets',
      'Rangers',
      'Spurs',
    ])
      expect(gazetteer.lookup(nickname)).toBeUndefined();
  });

  it('lists sports clubs, sports bodies and parties as organisations only', () => {
    for (const entry of [...SPORTS, ...PARTIES]) expect(entry.type).toBe('ORGANIZATION');
  });

  it('matches case-sensitively, so pronouns and common words stay out', () => {
    expect(gazetteer.lookup('who')).toBeUndefined();
    expect(gazetteer.lookup('Who')).toBeUndefined();
    expect(gazetteer.lookup('us')).toBeUndefined();
  });
});

describe(localEntityId.name, () => {
  it('builds nf:<type>:<slug> ids that ignore accents and punctuation', () => {
    expect(localEntityId('PERSON', 'Jane Doe')).toBe('nf:person:jane-doe');
    expect(localEntityId('ORGANIZATION', 'Zoë & Söhne GmbH')).toBe('nf:organization:zoe-sohne-gmbh');
    expect(slugify("  O'Brien-Smith ")).toBe('o-brien-smith');
    expect(slugify('Владимир')).toBe('владимир');
  });
});
