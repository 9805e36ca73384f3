import { createTagger, type Tagger } from './index';
import { pairs } from './testing/entity-lists';

// The shipped model on short news texts written for these tests (not taken from any data set):
// what a user of the tags would check first — the right names, types and offsets.

describe('ModelTagger (shipped model)', () => {
  let tagger: Tagger;

  beforeAll(async () => {
    tagger = await createTagger();
  }, 30_000);

  it('finds people, organisations and places in a news paragraph with exact offsets', () => {
    const text =
      'Hartwell Dynamics, a drone maker based in Leeds, said on Monday that its chief executive, ' +
      'Priya Natarajan, would step down after talks with investors in Frankfurt.';
    const { language, entities } = tagger.tag(text);
    expect(language).toBe('en');
    expect(pairs(entities)).toEqual([
      ['Hartwell Dynamics', 'ORGANIZATION'],
      ['Leeds', 'LOCATION'],
      ['Priya Natarajan', 'PERSON'],
      ['Frankfurt', 'LOCATION'],
    ]);
    for (const entity of entities) {
      expect(text.slice(entity.start, entity.end)).toBe(entity.text);
      expect(entity.confidence).toBeGreaterThan(0);
      expect(entity.confidence).toBeLessThanOrEqual(1);
    }
  });

  it("gives a headline's bare surname the QID the body's full name brings", () => {
    const text =
      'Trump Hails Ceasefire Talks\n\n' +
      'Donald Trump said on Friday that talks in Cairo had gone well. Trump spoke to reporters.';
    const trumps = tagger.tag(text).entities.filter((entity) => entity.text.includes('Trump'));
    expect(trumps.map((entity) => entity.text)).toEqual(['Trump', 'Donald Trump', 'Trump']);
    for (const entity of trumps) expect(entity.id).toBe('Q22686');
  });

  it('gives a place without a curated QID its GeoNames id', () => {
    const { entities } = tagger.tag('Flooding closed roads around Sacramento on Tuesday, officials said.');
    expect(entities.find((entity) => entity.text === 'Sacramento')).toMatchObject({
      type: 'LOCATION',
      id: 'geonames:5389489',
    });
  });

  it('reads the start of a quotation as speech, and a quoted title as a name', () => {
    const speech = tagger.tag(
      'Amara Okafor wrote on social media before the vote. "I believe I am the candidate this city needs."\n\n' +
        'The mayor spoke outside City Hall. "The simple truth is that the budget is far from settled," he said.',
    );
    expect(speech.entities.filter((entity) => entity.type === 'MISC')).toEqual([]);
    const title = tagger.tag(
      'The band released "Harbour Lights Forever" in May, and it reached the top ten in Ireland.',
    );
    expect(pairs(title.entities)).toContainEqual(['Harbour Lights Forever', 'MISC']);
  });

  it('takes a curated name around the words the model found as one mention', () => {
    const { entities } = tagger.tag('Islamic Jihad said on Friday that it had fired rockets at Sderot.');
    expect(pairs(entities)).toEqual([
      ['Islamic Jihad', 'ORGANIZATION'],
      ['Sderot', 'LOCATION'],
    ]);
  });

  it('reads an institute named "Centre for …" as one organisation', () => {
    const { entities } = tagger.tag(
      'The findings were posted by the Kellerton Centre for Coastal Flood Analysis on Friday.',
    );
    expect(pairs(entities)).toEqual([['Kellerton Centre for Coastal Flood Analysis', 'ORGANIZATION']]);
  });

  it("reads a US lawmaker's party and state as no name", () => {
    const { entities } = tagger.tag(
      'Rep. Dana Whitcombe, R-Texas, and Sen. Amara Okafor, D-Mass., wrote to the Treasury on Friday.',
    );
    expect(entities.filter((entity) => /^[DR]-/.test(entity.text))).toEqual([]);
    expect(pairs(entities)).toContainEqual(['Dana Whitcombe', 'PERSON']);
    expect(pairs(entities)).toContainEqual(['Amara Okafor', 'PERSON']);
  });

  it('keeps titles out of names and makes the name after a title a person', () => {
    const { entities } = tagger.tag(
      'Vice President Kamala Harris met Foreign Secretary Rhodri Penhale in Washington on Tuesday.',
    );
    expect(pairs(entities)).toEqual([
      ['Kamala Harris', 'PERSON'],
      ['Rhodri Penhale', 'PERSON'],
      ['Washington', 'LOCATION'],
    ]);
  });

  it("keeps a title that starts an institution's name in the name, and makes no person of it", () => {
    const { entities } = tagger.tag(
      'Pupils at Archbishop Hallam College and patients at Queen Anwen Hospital were moved.',
    );
    expect(pairs(entities)).toEqual([
      ['Archbishop Hallam College', 'ORGANIZATION'],
      ['Queen Anwen Hospital', 'ORGANIZATION'],
    ]);
  });

  it('leaves a word like "Former" before an institution out of its name', () => {
    const { entities } = tagger.tag('Former Central Intelligence Agency agent Dale Rusk died on Saturday.');
    expect(pairs(entities)).toEqual([
      ['Central Intelligence Agency', 'ORGANIZATION'],
      ['Dale Rusk', 'PERSON'],
    ]);
  });

  it('reads a newspaper named after its town as an organisation', () => {
    const { entities } = tagger.tag('The Dunmore Daily Courier first reported the story.');
    expect(pairs(entities)).toEqual([['Dunmore Daily Courier', 'ORGANIZATION']]);
  });

  it('reads a knockout in a boxing report as no name', () => {
    const { entities } = tagger.tag('Dario Vell won by KO in the third round and Amos Tull by TKO.');
    expect(pairs(entities)).toEqual([
      ['Dario Vell', 'PERSON'],
      ['Amos Tull', 'PERSON'],
    ]);
  });

  it('links a later surname and a later short company name to the first full mention', () => {
    const text =
      'Analysts at Brenmoor Capital Partners cut their forecast, said Tomasz Wielgosz, a strategist. ' +
      'Wielgosz added that Brenmoor expects rates to fall.';
    const { entities } = tagger.tag(text);
    const byText = new Map(entities.map((entity) => [entity.text, entity]));
    expect(byText.get('Tomasz Wielgosz')?.type).toBe('PERSON');
    expect(byText.get('Wielgosz')?.id).toBe(byText.get('Tomasz Wielgosz')?.id);
    expect(byText.get('Brenmoor Capital Partners')?.type).toBe('ORGANIZATION');
  });

  it('reads a photo credit as a person and an agency, and a typographic possessive', () => {
    const text = 'Crowds gathered outside Japan’s parliament. (Mikael Strand/Reuters)';
    const { entities } = tagger.tag(text);
    expect(pairs(entities)).toEqual([
      ['Japan', 'LOCATION'],
      ['Mikael Strand', 'PERSON'],
      ['Reuters', 'ORGANIZATION'],
    ]);
  });

  it('reads a party named in its own language as an organisation, not a place', () => {
    const { entities } = tagger.tag('The rally in Jakarta was organised by the Partai Nasional Indonesia.');
    expect(pairs(entities)).toEqual([
      ['Jakarta', 'LOCATION'],
      ['Partai Nasional Indonesia', 'ORGANIZATION'],
    ]);
  });

  it('takes names from a byline, a caption and a copyright line without inventing others', () => {
    const text = [
      'Port Strike Enters Second Week',
      'Dockworkers march in Rotterdam on May 2. (Ilse Vermeer/Getty Images)',
      'By Daniel Okoro and Joseph Lord',
      'Dockworkers at the port of Rotterdam stayed out for an eighth day on Friday, the FNV union said.',
      '©2025 Harbourside Herald All Rights Reserved.',
    ].join('\n');
    const { entities } = tagger.tag(text);
    expect(pairs(entities)).toEqual([
      ['Rotterdam', 'LOCATION'],
      ['Ilse Vermeer', 'PERSON'],
      ['Getty Images', 'ORGANIZATION'],
      ['Daniel Okoro', 'PERSON'],
      ['Joseph Lord', 'PERSON'],
      ['Rotterdam', 'LOCATION'],
      ['FNV', 'ORGANIZATION'],
      ['Harbourside Herald', 'ORGANIZATION'],
    ]);
  });

  it('tags an all-caps wire headline like the same words in lower case', () => {
    const { entities } = tagger.tag('FLOODS FORCE THOUSANDS FROM HOMES IN NORTHERN ITALY');
    expect(entities.some((entity) => entity.text.endsWith('ITALY') && entity.type === 'LOCATION')).toBe(true);
    expect(entities.some((entity) => entity.text === 'FLOODS' || entity.text === 'THOUSANDS')).toBe(false);
  });

  it('links a name in an all-caps headline to the same name in the body', () => {
    const text =
      'OKAFOR WINS RUNOFF IN LAGOS\n\nAmara Okafor won the runoff in Lagos on Sunday, officials said.';
    const { entities } = tagger.tag(text);
    const byText = new Map(entities.map((entity) => [entity.text, entity]));
    expect(byText.get('OKAFOR')).toMatchObject({ type: 'PERSON', id: byText.get('Amara Okafor')?.id });
    expect(byText.get('LAGOS')?.type).toBe('LOCATION');
    expect(byText.has('RUNOFF')).toBe(false);
  });

  it('gives a German article its language and only gazetteer names, no English guesses', () => {
    const text =
      'Die Bundesregierung hat am Montag in Berlin neue Maßnahmen beschlossen. Der Minister sagte, ' +
      'die Wirtschaft müsse sich auf schwierige Monate einstellen, und die Gewerkschaften kündigten Proteste an.';
    const { language, entities } = tagger.tag(text);
    expect(language).toBe('de');
    expect(pairs(entities)).toEqual([['Berlin', 'LOCATION']]);
    expect(entities[0].id).toBe('Q64');
  });
});
