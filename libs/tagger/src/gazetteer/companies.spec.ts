import { createTagger, type Tagger } from '../index';
import { typeOf } from '../testing/entity-lists';
import { COMPANIES } from './companies.gazetteer';
import { createDefaultGazetteer } from './gazetteer';

// The shipped model with the curated list of large companies, on short business-news sentences
// written for this test: a company whose name looks like a person's ("Morgan Stanley", "Baker
// Hughes") or a place's is an organisation, the places in the same sentence stay places, and a
// person who shares a name with a carmaker stays a person.

describe('large companies in tagged business news', () => {
  let tagger: Tagger;

  beforeAll(async () => {
    tagger = await createTagger();
  }, 30_000);

  it('reads banks named like people as organisations and the dateline city as a place', () => {
    const { entities } = tagger.tag(
      'Analysts at Morgan Stanley and Goldman Sachs raised their targets for TSMC, Reuters reported from Taipei.',
    );
    expect(typeOf(entities, 'Morgan Stanley')).toBe('ORGANIZATION');
    expect(typeOf(entities, 'Goldman Sachs')).toBe('ORGANIZATION');
    expect(typeOf(entities, 'TSMC')).toBe('ORGANIZATION');
    expect(typeOf(entities, 'Reuters')).toBe('ORGANIZATION');
    expect(typeOf(entities, 'Taipei')).toBe('LOCATION');
    expect(entities.find((entity) => entity.text === 'TSMC')?.id).toBe('Q713418');
  });

  it('reads oil-service firms and carmakers as organisations, not people or places', () => {
    const oil = tagger.tag(
      'Baker Hughes said its rig count fell, while Schlumberger shares rose in New York.',
    );
    for (const name of ['Baker Hughes', 'Schlumberger'])
      expect(typeOf(oil.entities, name)).toBe('ORGANIZATION');
    expect(typeOf(oil.entities, 'New York')).toBe('LOCATION');

    const cars = tagger.tag(
      'Volkswagen and BMW cut their forecasts as demand in China slowed, and Stellantis shares fell in Milan.',
    );
    for (const name of ['Volkswagen', 'BMW', 'Stellantis'])
      expect(typeOf(cars.entities, name)).toBe('ORGANIZATION');
    expect(typeOf(cars.entities, 'China')).toBe('LOCATION');
    expect(typeOf(cars.entities, 'Milan')).toBe('LOCATION');
  });

  it('reads drug makers and Chinese technology groups as organisations', () => {
    const drugs = tagger.tag(
      'Eli Lilly and Novo Nordisk are racing to expand supply of weight-loss drugs, AstraZeneca said in Cambridge.',
    );
    for (const name of ['Eli Lilly', 'Novo Nordisk', 'AstraZeneca'])
      expect(typeOf(drugs.entities, name)).toBe('ORGANIZATION');
    expect(typeOf(drugs.entities, 'Cambridge')).toBe('LOCATION');

    const tech = tagger.tag(
      'Tencent and Alibaba shares rose in Hong Kong after ByteDance said it would invest in Singapore.',
    );
    for (const name of ['Tencent', 'Alibaba', 'ByteDance'])
      expect(typeOf(tech.entities, name)).toBe('ORGANIZATION');
    expect(typeOf(tech.entities, 'Hong Kong')).toBe('LOCATION');
    expect(typeOf(tech.entities, 'Singapore')).toBe('LOCATION');
  });

  it('gives the full name and the short form of a bank one id', () => {
    const { entities } = tagger.tag(
      'JPMorgan Chase reported a record profit in New York. JPMorgan said lending grew, and Wells Fargo agreed.',
    );
    const ids = entities
      .filter((entity) => ['JPMorgan Chase', 'JPMorgan'].includes(entity.text))
      .map((entity) => entity.id);
    expect(ids).toEqual(['Q192314', 'Q192314']);
    expect(typeOf(entities, 'Wells Fargo')).toBe('ORGANIZATION');
  });

  it('keeps people who share a name with a carmaker as people', () => {
    const actor = tagger.tag('Harrison Ford arrived in London on Tuesday for the premiere.');
    expect(typeOf(actor.entities, 'Harrison Ford')).toBe('PERSON');
    expect(typeOf(actor.entities, 'London')).toBe('LOCATION');

    const player = tagger.tag(
      'Keisuke Honda scored twice, and Honda said after the match that he was tired.',
    );
    expect(typeOf(player.entities, 'Keisuke Honda')).toBe('PERSON');
    expect(typeOf(player.entities, 'Honda')).toBe('PERSON');

    const founder = tagger.tag('Soichiro Honda founded the company in Hamamatsu.');
    expect(typeOf(founder.entities, 'Soichiro Honda')).toBe('PERSON');
  });

  it('reads a company named after a family as the person after a first name or a title', () => {
    const heir = tagger.tag('Abigail Disney criticised the company on Tuesday.');
    expect(typeOf(heir.entities, 'Abigail Disney')).toBe('PERSON');
    const titled = tagger.tag('Mr. Disney said the studio in Burbank would reopen.');
    expect(typeOf(titled.entities, 'Disney')).toBe('PERSON');
    const firm = tagger.tag('Disney said profits rose, while Siemens shares fell in Frankfurt.');
    expect(typeOf(firm.entities, 'Disney')).toBe('ORGANIZATION');
    expect(typeOf(firm.entities, 'Siemens')).toBe('ORGANIZATION');
  });
});

describe('the companies list', () => {
  const gazetteer = createDefaultGazetteer();

  it.each([
    ['JPMorgan', 'JPMorgan Chase', 'Q192314'],
    ['VW', 'Volkswagen', 'Q156578'],
    ['Exxon', 'ExxonMobil', 'Q156238'],
    ['Royal Dutch Shell', 'Shell plc', 'Q154950'],
    ['Taiwan Semiconductor Manufacturing Company', 'TSMC', 'Q713418'],
    ['Ford Motor', 'Ford Motor Company', 'Q44294'],
    ['Walt Disney Company', 'Disney', 'Q7414'],
    ['J&J', 'Johnson & Johnson', undefined],
    ['Hon Hai', 'Foxconn', undefined],
    ['DeepMind', 'Google DeepMind', undefined],
    ['L’Oreal', "L'Oréal", undefined],
    ['Advanced Micro Devices', 'AMD', undefined],
  ])('resolves %s to %s (%s)', (surface, name, qid) => {
    const hit = gazetteer.lookup(surface);
    expect(hit).toMatchObject({ name, type: 'ORGANIZATION' });
    expect(hit?.qid).toBe(qid);
  });

  it('leaves out short names that are common words, names or other abbreviations', () => {
    for (const form of [
      'Ford',
      'Shell',
      'Target',
      'Gap',
      'Visa',
      'Delta',
      'Total',
      'Mercedes',
      'Arm',
      'Kia',
      'Fiat',
      'Citi',
      'Roche',
      'GM',
      'HP',
      'LG',
      'RTX',
    ])
      expect(gazetteer.lookup(form)).toBeUndefined();
  });

  it('lists companies as organisations only', () => {
    for (const entry of COMPANIES) expect(entry.type).toBe('ORGANIZATION');
  });
});
