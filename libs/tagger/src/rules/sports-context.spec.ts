import { createTagger, type Tagger } from '../index';
import { pairs, typeOf } from '../testing/entity-lists';
import { splitSentences } from '../model/text-sentences';
import { cuesTeam, namesTeam, sportsContext } from './sports-context';

// Sports lines and match reports written for these tests (not taken from any data set).

function tokens(line: string) {
  return splitSentences(line)[0];
}

describe('sportsContext and namesTeam', () => {
  it('tells a results line and a standings row from a match report and from other text', () => {
    expect(sportsContext(tokens('Harlow 2 Kettering 1'))).toBe('results');
    expect(sportsContext(tokens('Kettering 6 4 1 1 12 5 13'))).toBe('results');
    expect(sportsContext(tokens('Harlow beat Kettering 24-17 on Saturday.'))).toBe('report');
    expect(sportsContext(tokens('Harlow has 90,000 people and Kettering 1990-95 records.'))).toBeUndefined();
    expect(sportsContext(tokens('The council met in Harlow on Monday.'))).toBeUndefined();
    expect(sportsContext(tokens('Castlereagh beat Dunmore by six wickets.'))).toBe('report');
    expect(sportsContext(tokens('The bill passed by six votes.'))).toBeUndefined();
  });

  it('finds the names a score or a result word attaches to', () => {
    const line = tokens('Harlow 2 Kettering 1');
    expect(namesTeam(line, 0, 1, 'results')).toBe(true);
    expect(namesTeam(line, 2, 3, 'results')).toBe(true);
    const report = tokens('Harlow beat Kettering 24-17 in Luton .');
    expect(namesTeam(report, 0, 1, 'report')).toBe(true);
    expect(namesTeam(report, 2, 3, 'report')).toBe(true);
    expect(namesTeam(report, 6, 7, 'report')).toBe(false);
    const loss = tokens('Harlow lost to Kettering 24-17 .');
    expect(namesTeam(loss, 3, 4, 'report')).toBe(true);
  });
});

describe('cuesTeam', () => {
  it('finds clubs in running prose by the words around them', () => {
    expect(cuesTeam(tokens('He played with Kettering for four seasons .'), 3, 4)).toBe(true);
    expect(cuesTeam(tokens('Okafor signed for Harlow in 2019 .'), 3, 4)).toBe(true);
    expect(cuesTeam(tokens('In 1956 he coached North Melbourne .'), 4, 6)).toBe(true);
    expect(cuesTeam(tokens('The Kettering manager was sacked .'), 1, 2)).toBe(true);
    expect(cuesTeam(tokens('He was traded to the Harlow Hawks .'), 5, 7)).toBe(true);
    expect(cuesTeam(tokens('He made 40 appearances for Kettering .'), 5, 6)).toBe(true);
    expect(cuesTeam(tokens('She ran at the Commonwealth Games for Kettering .'), 7, 8)).toBe(false);
  });

  it('leaves places and treaties alone', () => {
    expect(cuesTeam(tokens('He grew up in Kettering .'), 4, 5)).toBe(false);
    expect(cuesTeam(tokens('The treaty was signed by the Ottoman Empire .'), 6, 8)).toBe(false);
    expect(cuesTeam(tokens('The Kettering council met .'), 1, 2)).toBe(false);
  });
});

describe('teams in tagged sports news', () => {
  let tagger: Tagger;

  beforeAll(async () => {
    tagger = await createTagger();
  }, 30_000);

  it('reads clubs named after their cities in a results list as organisations', () => {
    const { entities } = tagger.tag(
      "Results of Saturday's league matches:\n\nArsenal 2 Chelsea 1\nLeeds 3 Southampton 2\n",
    );
    for (const club of ['Arsenal', 'Chelsea', 'Leeds', 'Southampton'])
      expect(typeOf(entities, club)).toBe('ORGANIZATION');
  });

  it('reads the teams of a match report as organisations and the venue and national sides as places', () => {
    const club = tagger.tag('Toledo beat Bowling Green 24-17 in Detroit on Saturday.').entities;
    expect(typeOf(club, 'Toledo')).toBe('ORGANIZATION');
    expect(typeOf(club, 'Bowling Green')).toBe('ORGANIZATION');
    expect(typeOf(club, 'Detroit')).toBe('LOCATION');
    const national = tagger.tag('Brazil beat Argentina 2-1 in a friendly on Tuesday.').entities;
    expect(typeOf(national, 'Brazil')).toBe('LOCATION');
    expect(typeOf(national, 'Argentina')).toBe('LOCATION');
  });

  it('reads a club named after its town as the club in every mention of a document that shows it', () => {
    const { entities } = tagger.tag('Okafor signed for Kettering in 2019. Kettering finished third.');
    expect(entities.filter((entity) => entity.text === 'Kettering').map((entity) => entity.type)).toEqual([
      'ORGANIZATION',
      'ORGANIZATION',
    ]);
    expect(typeOf(tagger.tag('The Kettering manager was sacked on Monday.').entities, 'Kettering')).toBe(
      'ORGANIZATION',
    );
    expect(typeOf(tagger.tag('She grew up in Kettering and moved to Leeds.').entities, 'Kettering')).toBe(
      'LOCATION',
    );
    // A nationality before "players" is no club.
    expect(
      typeOf(tagger.tag('Organisers do not pair Israeli players with others.').entities, 'Israeli'),
    ).toBe('MISC');
  });

  it('reads a home nation before "captain" as a place, and a town there as its club', () => {
    expect(pairs(tagger.tag('England captain Joe Root scored 120.').entities)).toContainEqual([
      'England',
      'LOCATION',
    ]);
    expect(pairs(tagger.tag('Greenfield defender Tomas Hrubec was sent off.').entities)).toContainEqual([
      'Greenfield',
      'ORGANIZATION',
    ]);
  });

  it('finds a club the model left out of a match report, but no pronoun', () => {
    expect(pairs(tagger.tag('Leicester won 3-1 at Burnley on Saturday.').entities)).toContainEqual([
      'Leicester',
      'ORGANIZATION',
    ]);
    expect(tagger.tag('He won 6-3 in the final set.').entities).toEqual([]);
  });

  it('takes a curated club name around the place the model found', () => {
    const { entities } = tagger.tag('Real Madrid 5 3 2 0 9 4 11\nSevilla 5 3 0 2 8 6 9\n');
    expect(typeOf(entities, 'Real Madrid')).toBe('ORGANIZATION');
    expect(entities.some((entity) => entity.text === 'Madrid')).toBe(false);
  });
});
