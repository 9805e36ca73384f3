import { createTagger, type Tagger } from '../index';
import { splitSentences } from '../model/text-sentences';
import { datelinePlaceLength } from './dateline';

// Datelines written for these tests (not taken from any data set).

function placeOf(line: string): string {
  const tokens = splitSentences(line)[0];
  const length = datelinePlaceLength(line, tokens);
  return length === 0 ? '' : line.slice(tokens[0].start, tokens[length - 1].end);
}

describe('datelinePlaceLength', () => {
  it('finds the place of filing in the common dateline forms', () => {
    expect(placeOf('KELLERTON 2026-11-27')).toBe('KELLERTON');
    expect(placeOf('WASHINGTON (Newsflow) - The Senate voted on Friday.')).toBe('WASHINGTON');
    expect(placeOf('KYIV, Ukraine — Power came back on Friday.')).toBe('KYIV');
    expect(placeOf('PORT MORESBY, Nov 27 (Newsflow) - Rain closed the airport.')).toBe('PORT MORESBY');
  });

  it('leaves all-caps headlines, acronyms in running text and mid-line words alone', () => {
    expect(placeOf('SOCCER - GERMAN FIRST DIVISION RESULTS')).toBe('');
    expect(placeOf('NATO, the alliance, met on Friday.')).toBe('');
    expect(placeOf('UK inflation rose in October.')).toBe('');
    const text = 'Talks went on.\nThe mayor of KELLERTON 2026-11-27 spoke.';
    const second = splitSentences(text)[1];
    expect(datelinePlaceLength(text, second)).toBe(0);
  });
});

describe('datelines in tagged news', () => {
  let tagger: Tagger;

  beforeAll(async () => {
    tagger = await createTagger();
  }, 30_000);

  it('tags the place of a dateline the model would otherwise miss', () => {
    const { entities } = tagger.tag(
      'HARBOUR TALKS STALL\n\nKELLERTON 2026-11-27\n\nDock workers stayed out on Friday after talks with the port authority broke down.\n',
    );
    expect(entities.find((entity) => entity.text === 'KELLERTON')).toMatchObject({ type: 'LOCATION' });
  });
});
