import { parseConll } from './conll';
import { alignConventions } from './conventions';

function conll(lines: string[]): string {
  return lines.map((line) => line.replace(/ +/g, '\t')).join('\n');
}

describe('alignConventions', () => {
  it('makes an institution named after its building, and a newspaper, an organisation', () => {
    const documents = parseConll(
      conll([
        'She B-PER',
        'joined O',
        'Kellerton B-LOC',
        'General I-LOC',
        'Hospital I-LOC',
        'after O',
        'writing O',
        'for O',
        'the O',
        'Marlow B-MISC',
        'Herald I-MISC',
        'in O',
        'Kellerton B-LOC',
        '. O',
      ]),
    );
    expect(alignConventions(documents)).toBe(2);
    expect(documents[0][0].tags).toEqual([
      'B-PER',
      'O',
      'B-ORG',
      'I-ORG',
      'I-ORG',
      'O',
      'O',
      'O',
      'O',
      'B-ORG',
      'I-ORG',
      'O',
      'B-LOC',
      'O',
    ]);
  });

  it('makes a lone nationality or religion word MISC, but not a party member word', () => {
    const documents = parseConll(
      conll([
        'Catholic B-ORG',
        'and O',
        'Jewish B-ORG',
        'groups O',
        'backed O',
        'the O',
        'Republican B-ORG',
        'plan O',
      ]),
    );
    expect(alignConventions(documents)).toBe(2);
    expect(documents[0][0].tags).toEqual(['B-MISC', 'O', 'B-MISC', 'O', 'O', 'O', 'B-ORG', 'O']);
  });

  it('leaves places, people and names whose last word says nothing alone', () => {
    const text = conll(['Hospital B-PER', 'Jones I-PER', 'visited O', 'Times B-LOC', 'Square I-LOC', '. O']);
    const documents = parseConll(text);
    expect(alignConventions(documents)).toBe(0);
    expect(documents).toEqual(parseConll(text));
  });
});
