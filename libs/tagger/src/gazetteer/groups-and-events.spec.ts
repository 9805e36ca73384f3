import { createTagger, type Tagger } from '../index';
import { typeOf } from '../testing/entity-lists';
import { createDefaultGazetteer } from './gazetteer';
import { GROUPS_AND_EVENTS } from './groups-and-events.gazetteer';

// The shipped model with the curated list of armed groups, state bodies and holidays, on short news
// sentences written for this test: another name of a group, a security service or a holiday gets
// its curated type (the model alone reads "Daesh" and "Passover" as people, "Mossad" as a place),
// and the ordinary places in the same sentence stay places.

describe('armed groups, state bodies and holidays in tagged news', () => {
  let tagger: Tagger;

  beforeAll(async () => {
    tagger = await createTagger();
  }, 30_000);

  it('reads the other names of Islamic State as one organisation and the town as a place', () => {
    const { entities } = tagger.tag(
      'Kurdish commanders said Daesh fighters had attacked a checkpoint near Raqqa, and ISIL later claimed the raid.',
    );
    expect(typeOf(entities, 'Daesh')).toBe('ORGANIZATION');
    expect(typeOf(entities, 'ISIL')).toBe('ORGANIZATION');
    expect(typeOf(entities, 'Raqqa')).toBe('LOCATION');
    const ids = entities
      .filter((entity) => ['Daesh', 'ISIL'].includes(entity.text))
      .map((entity) => entity.id);
    expect(ids).toEqual(['Q2429253', 'Q2429253']);
  });

  it('reads religious holidays as MISC, not as places or people', () => {
    const { entities } = tagger.tag(
      'Muslims in Cairo marked the start of Ramadan, and families in Jakarta prepared for Eid al-Fitr.',
    );
    expect(typeOf(entities, 'Ramadan')).toBe('MISC');
    expect(typeOf(entities, 'Eid al-Fitr')).toBe('MISC');
    expect(typeOf(entities, 'Cairo')).toBe('LOCATION');
    expect(typeOf(entities, 'Jakarta')).toBe('LOCATION');
    expect(entities.find((entity) => entity.text === 'Ramadan')?.id).toBe('Q41662');

    const week = tagger.tag('Passover and Diwali fell in the same week, so schools in London closed early.');
    expect(typeOf(week.entities, 'Passover')).toBe('MISC');
    expect(typeOf(week.entities, 'Diwali')).toBe('MISC');
    expect(typeOf(week.entities, 'London')).toBe('LOCATION');
  });

  it('reads a treaty a country joins as MISC, not as an organisation', () => {
    const { entities } = tagger.tag(
      'Officials in Astana said Kazakhstan would join the Abraham Accords, and Norway backed the JCPOA.',
    );
    expect(typeOf(entities, 'Abraham Accords')).toBe('MISC');
    expect(typeOf(entities, 'JCPOA')).toBe('MISC');
    expect(typeOf(entities, 'Kazakhstan')).toBe('LOCATION');
  });

  it('reads institutions named after their seat, and security services, as organisations', () => {
    const { entities } = tagger.tag(
      'The Pentagon said Mossad had shared the intelligence, while the Kremlin told reporters in Moscow it had no comment.',
    );
    expect(typeOf(entities, 'Pentagon')).toBe('ORGANIZATION');
    expect(typeOf(entities, 'Mossad')).toBe('ORGANIZATION');
    expect(typeOf(entities, 'Kremlin')).toBe('ORGANIZATION');
    expect(typeOf(entities, 'Moscow')).toBe('LOCATION');
  });

  it('reads armed forces and rebel movements as organisations next to the sea they fight on', () => {
    const { entities } = tagger.tag('The Bundeswehr said the Houthis had fired at a frigate in the Red Sea.');
    expect(typeOf(entities, 'Bundeswehr')).toBe('ORGANIZATION');
    expect(typeOf(entities, 'Houthis')).toBe('ORGANIZATION');
    expect(typeOf(entities, 'Red Sea')).toBe('LOCATION');
  });
});

describe('the groups and events list', () => {
  const gazetteer = createDefaultGazetteer();

  it.each([
    ['Daesh', 'Islamic State', 'ORGANIZATION', 'Q2429253'],
    ['Al-Qaida', 'al-Qaeda', 'ORGANIZATION', 'Q34490'],
    ['PKK', "Kurdistan Workers' Party", 'ORGANIZATION', undefined],
    ['Justice Department', 'United States Department of Justice', 'ORGANIZATION', 'Q1553390'],
    ['State Department', 'United States Department of State', 'ORGANIZATION', 'Q789915'],
    ['Ansar Allah', 'Houthi movement', 'ORGANIZATION', undefined],
    ['Eid ul-Adha', 'Eid al-Adha', 'MISC', 'Q514400'],
    ['Chanukah', 'Hanukkah', 'MISC', undefined],
    ['Easter Island', 'Easter Island', 'LOCATION', 'Q14452'],
    ['Dayton Accords', 'Dayton Agreement', 'MISC', undefined],
  ])('resolves %s to %s (%s, %s)', (surface, name, type, qid) => {
    const hit = gazetteer.lookup(surface);
    expect(hit).toMatchObject({ name, type });
    expect(hit?.qid).toBe(qid);
  });

  it('leaves out abbreviations and words that name something else as often', () => {
    for (const form of [
      'IRA',
      'ETA',
      'HTS',
      'RSF',
      'SDF',
      'M23',
      'ICE',
      'NSA',
      'EPA',
      'Lent',
      'Advent',
      'Wagner',
    ])
      expect(gazetteer.lookup(form)).toBeUndefined();
  });

  it('puts no national QID on a name that several countries use', () => {
    for (const shared of ['Foreign Office', 'Department of Justice', 'Thanksgiving', 'Lunar New Year'])
      expect(gazetteer.lookup(shared)?.qid).toBeUndefined();
  });

  it('lists groups and bodies as organisations and holidays as MISC', () => {
    const types = new Set(GROUPS_AND_EVENTS.map((entry) => entry.type));
    expect(types).toEqual(new Set(['ORGANIZATION', 'MISC', 'LOCATION']));
    expect(GROUPS_AND_EVENTS.filter((entry) => entry.type === 'LOCATION').map((entry) => entry.name)).toEqual(
      ['Easter Island', 'Christmas Island'],
    );
  });
});
