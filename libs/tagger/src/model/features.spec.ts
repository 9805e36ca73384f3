import { Gazetteer } from '../gazetteer/gazetteer';
import {
  CapClass,
  EMPTY_CONTEXT,
  FeatureBuffer,
  FeatureExtractor,
  capClass,
  documentContext,
  wordShape,
} from './features';
import { phraseTokens, splitSentences } from './text-sentences';

const gazetteer = new Gazetteer([
  { name: 'Vellmar Harbour', type: 'LOCATION' },
  { name: 'Oskelund', type: 'ORGANIZATION' },
]);
const extractor = new FeatureExtractor(gazetteer, 16, phraseTokens);

function featuresOf(words: string[], context = EMPTY_CONTEXT): number[][] {
  const buffer = new FeatureBuffer();
  extractor.extract(words, context, buffer);
  return words.map((_, i) => [...buffer.hashes.slice(buffer.offsets[i], buffer.offsets[i + 1])]);
}

describe('word shape and capitalisation', () => {
  it('collapses character classes', () => {
    expect(wordShape('Berlin')).toBe('Xx');
    expect(wordShape('NATO')).toBe('X');
    expect(wordShape('McDonald')).toBe('XxXx');
    expect(wordShape('1990s')).toBe('dx');
    expect(wordShape('U.S.')).toBe('X.X.');
  });

  it('classifies capitalisation, including non-ASCII letters', () => {
    expect(capClass('Zoë')).toBe(CapClass.Title);
    expect(capClass('ÉCOLE')).toBe(CapClass.AllCaps);
    expect(capClass('said')).toBe(CapClass.Lower);
    expect(capClass('A')).toBe(CapClass.Initial);
    expect(capClass('2025')).toBe(CapClass.Digits);
    expect(capClass(',')).toBe(CapClass.Punct);
  });
});

describe('FeatureExtractor', () => {
  it('is deterministic and gives every token features inside the table', () => {
    const words = ['Mira', 'Oskelund', 'visited', 'Vellmar', 'Harbour', '.'];
    const first = featuresOf(words);
    expect(featuresOf(words)).toEqual(first);
    for (const features of first) {
      expect(features.length).toBeGreaterThan(10);
      for (const row of features) expect(row).toBeLessThan(1 << 16);
    }
  });

  it('marks gazetteer names whatever their case, so headlines get the same evidence', () => {
    const known = featuresOf(['in', 'Vellmar', 'Harbour'])[1];
    const unknown = featuresOf(['in', 'Vellmark', 'Harbour'])[1];
    const shouted = featuresOf(['IN', 'VELLMAR', 'HARBOUR'])[1];
    // The gazetteer adds features the unknown word does not get...
    expect(known.length).toBeGreaterThan(unknown.length);
    // ...and an all-caps copy shares the lower-cased word and gazetteer features.
    const shared = known.filter((row) => shouted.includes(row));
    expect(shared.length).toBeGreaterThanOrEqual(3);
  });

  it('uses the document: a capital also seen in lower case elsewhere gets extra features', () => {
    const words = ['Officials', 'met', '.'];
    const plain = featuresOf(words, EMPTY_CONTEXT)[0];
    const context = documentContext([words, ['the', 'officials', 'left']]);
    expect(context.lowerCaseWords.has('officials')).toBe(true);
    const withContext = featuresOf(words, context)[0];
    expect(withContext.filter((row) => !plain.includes(row)).length).toBeGreaterThan(0);
    expect(plain.every((row) => withContext.includes(row))).toBe(true);
  });
});

describe('splitSentences', () => {
  it('splits at full stops and line breaks, not after initials or titles, and keeps offsets', () => {
    const text = "Dr. Ana J. Ruiz met Smith's aides.\nThey left. Talks resume Monday.";
    const sentences = splitSentences(text);
    expect(sentences.map((sentence) => sentence.map((token) => token.text))).toEqual([
      ['Dr.', 'Ana', 'J.', 'Ruiz', 'met', 'Smith', "'s", 'aides', '.'],
      ['They', 'left', '.'],
      ['Talks', 'resume', 'Monday', '.'],
    ]);
    for (const token of sentences.flat()) expect(text.slice(token.start, token.end)).toBe(token.text);
  });
});
