import { createTagger, type Tagger } from '../index';
import { typesOf } from '../testing/entity-lists';
import { splitSentences } from '../model/text-sentences';
import { describedType, typeBySpeech } from './descriptions';

// Sentences and names written for these tests (not taken from any data set). The names are made
// up so that neither the gazetteer nor the training data knows them: only the description can
// type them.

/** The description's type for the words `name` in `line`. */
function described(line: string, name: string): string | undefined {
  const tokens = splitSentences(line)[0];
  const words = name.split(' ');
  const start = tokens.findIndex((_, i) => words.every((word, k) => tokens[i + k]?.text === word));
  if (start < 0) throw new Error(`"${name}" is not in "${line}"`);
  return describedType(tokens, start, start + words.length);
}

describe('describedType', () => {
  it('reads the head noun of a description after the name', () => {
    expect(described('Tollan Reach is an American rock band formed in Ohio.', 'Tollan Reach')).toBe(
      'ORGANIZATION',
    );
    expect(described('Kestrel Vane is a village in County Durham.', 'Kestrel Vane')).toBe('LOCATION');
    expect(described('Ashby Crane was a Canadian singer-songwriter.', 'Ashby Crane')).toBe('PERSON');
    expect(described('Low Tide Hymns is the third album by the group.', 'Low Tide Hymns')).toBe('MISC');
    expect(described('Harrow Finch, a Leeds-based lender, cut its forecast.', 'Harrow Finch')).toBe(
      'ORGANIZATION',
    );
    expect(described('Pell Street Sound is a four-piece electro / synthpop band.', 'Pell Street Sound')).toBe(
      'ORGANIZATION',
    );
    expect(described('Brenwick, the capital of the province, flooded.', 'Brenwick')).toBe('LOCATION');
    expect(described('Harrow Finch is one of the largest lenders in Wales.', 'Harrow Finch')).toBe(
      'ORGANIZATION',
    );
    expect(described('Ashby Crane ( born 1970 ) is an American singer.', 'Ashby Crane')).toBe('PERSON');
    expect(described('Lyra Hall, 42, from Dunmore, was charged.', 'Lyra Hall')).toBe('PERSON');
    expect(described('Varnoc CEO Ada Vell said profits rose.', 'Varnoc')).toBe('ORGANIZATION');
    expect(described('Quellbrook chief executive Tom Reyes quit.', 'Quellbrook')).toBe('ORGANIZATION');
    expect(described('Former Varnoc executive Tilde Maas joined in March.', 'Varnoc')).toBe('ORGANIZATION');
    expect(described('A Trump executive order followed.', 'Trump')).toBeUndefined();
    expect(described('Ostrey mayor Piet Anholt said so.', 'Ostrey')).toBe('LOCATION');
    expect(described('Many African-American residents moved.', 'African-American')).toBeUndefined();
    expect(described('Few French shareholders sold.', 'French')).toBeUndefined();
    expect(described('Investors sold Talvik stock on Monday.', 'Talvik')).toBe('ORGANIZATION');
    expect(described('The Dunmore stock market fell.', 'Dunmore')).toBeUndefined();
    expect(described('Velmont said flights to Ostrey would resume.', 'Ostrey')).toBe('LOCATION');
    expect(described('His visit to Walter Reed Hospital was brief.', 'Walter Reed Hospital')).toBeUndefined();
    expect(described('Airlines fly to Cuban cities.', 'Cuban')).toBeUndefined();
    expect(described("Kellam's shareholders voted against the deal.", 'Kellam')).toBe('ORGANIZATION');
    expect(described("Dunmore's chief executive resigned.", 'Dunmore')).toBe('ORGANIZATION');
    expect(described("Dunmore's chief rival resigned.", 'Dunmore')).toBeUndefined();
  });

  it('reads a lower-case head noun right before the name, and "the town of"', () => {
    expect(described('The carmaker Dunmore said sales rose.', 'Dunmore')).toBe('ORGANIZATION');
    expect(described('Tickets for the band Marrow Lane sold out.', 'Marrow Lane')).toBe('ORGANIZATION');
    expect(described('She grew up in the town of Wexley.', 'Wexley')).toBe('LOCATION');
    expect(described('He ran in the riding of Harlow Quadra in 2004.', 'Harlow Quadra')).toBe('LOCATION');
    expect(described('He won the Corran North constituency in 1948.', 'Corran North')).toBe('LOCATION');
    expect(described('She courted the African American constituency.', 'African American')).toBeUndefined();
    expect(described('He met the guitarist Rosen Alder in 2010.', 'Rosen Alder')).toBe('PERSON');
    expect(described('It flew from the aircraft carrier Vell Marchand.', 'Vell Marchand')).toBe('MISC');
  });

  it('gives nothing where the noun does not describe the name', () => {
    // The head is someone else's: a possessive, a collective noun before "of", a verb phrase.
    expect(described("Orla Finch was the band's drummer.", 'Orla Finch')).toBeUndefined();
    expect(described('Velm is a group of islands off the coast.', 'Velm')).toBeUndefined();
    expect(described('Estmark is a member of the alliance.', 'Estmark')).toBeUndefined();
    expect(described('Estmark is a party to the accord.', 'Estmark')).toBeUndefined();
    // A capitalised head is a name ("a Federalist Party"), not a description.
    expect(
      described('Jon Pell, a Federalist Party member until 1800, resigned.', 'Jon Pell'),
    ).toBeUndefined();
    // After a comma "the ..." may open the next clause.
    expect(described('In the 2011 vote, the party formed an alliance.', '2011')).toBeUndefined();
    // Part of a longer title: the description is of the whole title.
    expect(described('Bullocks to Stan is an episode of the show.', 'Stan')).toBeUndefined();
    // "operator", "duo" and "team" before a name introduce a person or a member, or are adjectives.
    expect(described('He questioned operator Gil Harker about the signal.', 'Gil Harker')).toBeUndefined();
    expect(described('The duo Ben Ashdown and Tom Reel produced it.', 'Ben Ashdown')).toBeUndefined();
    // A place word right before a capitalised word modifies it.
    expect(described('He earned district MVP honours twice.', 'MVP')).toBeUndefined();
  });
});

describe('typeBySpeech', () => {
  it('reads the pronoun after a speech verb', () => {
    const tokens = (line: string) => splitSentences(line)[0];
    expect(typeBySpeech(tokens('Pellmark said it would appeal .'), 1)).toBe('ORGANIZATION');
    expect(typeBySpeech(tokens('Oduya said she was tired .'), 1)).toBe('PERSON');
    expect(typeBySpeech(tokens('Kelsor said the deal would close .'), 1)).toBeUndefined();
  });
});

describe('descriptions in the tagger', () => {
  let tagger: Tagger;
  beforeAll(async () => {
    tagger = await createTagger();
  });

  it('types every mention of a name the way its description does', () => {
    const band = tagger.tag('Tollan Reach is an American rock band. Members of Tollan Reach met in Ohio.');
    expect(typesOf(band.entities, 'Tollan Reach')).toEqual(['ORGANIZATION', 'ORGANIZATION']);
    const village = tagger.tag(
      'Kestrel Vane is a village in the county of Durham. Kestrel Vane has a church.',
    );
    expect(typesOf(village.entities, 'Kestrel Vane')).toEqual(['LOCATION', 'LOCATION']);
    const firm = tagger.tag('The carmaker Dunmore said sales rose. Dunmore will cut 200 jobs.');
    expect(typesOf(firm.entities, 'Dunmore')).toEqual(['ORGANIZATION', 'ORGANIZATION']);
  });

  it('finds a name the model left out when a description types it, and no sentence opener', () => {
    expect(typesOf(tagger.tag('Quorrin is a village in Lincolnshire, England.').entities, 'Quorrin')).toEqual(
      ['LOCATION'],
    );
    const opener = tagger.tag('On Friday, a federal judge in Texas ruled against the plan.');
    expect(opener.entities.map((entity) => entity.text)).toEqual(['Texas']);
  });

  it('finds a name the model left out from the pronoun that takes it up', () => {
    expect(typesOf(tagger.tag('Pellmark said it would appeal.').entities, 'Pellmark')).toEqual([
      'ORGANIZATION',
    ]);
  });

  it('reads a person from an age, and a company from its chief executive', () => {
    expect(typesOf(tagger.tag('Lyra Hall, 42, from Dunmore, was charged.').entities, 'Lyra Hall')).toEqual([
      'PERSON',
    ]);
    expect(typesOf(tagger.tag('Varnoc CEO Ada Vell said profits rose.').entities, 'Varnoc')).toEqual([
      'ORGANIZATION',
    ]);
  });

  it('does not let a description of a company retype the person it is named after', () => {
    const result = tagger.tag(
      'Henry Dunmore founded the firm in 1920. Dunmore Motors is an American carmaker. Dunmore died in 1951.',
    );
    expect(typesOf(result.entities, 'Henry Dunmore')).toEqual(['PERSON']);
    expect(typesOf(result.entities, 'Dunmore Motors')).toEqual(['ORGANIZATION']);
    expect(typesOf(result.entities, 'Dunmore')).toEqual(['PERSON']);
  });
});
