import { gunzipSync } from 'node:zlib';
import { WordClusters, UNKNOWN_CLUSTER, packClusters } from '../model/word-clusters';
import { clusterWords, serializeClusters } from './cluster-words';

const DETERMINERS = ['the', 'a'];
const NOUNS = ['cat', 'dog', 'bird', 'fish'];
const VERBS = ['runs', 'sleeps', 'eats', 'swims'];

/** Every determiner–noun–verb sentence, twice: words of one part of speech share contexts. */
function corpus(): string[][] {
  const sentences: string[][] = [];
  for (let copy = 0; copy < 2; copy += 1)
    for (const determiner of DETERMINERS)
      for (const noun of NOUNS) for (const verb of VERBS) sentences.push([determiner, noun, verb, '.']);
  return sentences;
}

describe('clusterWords', () => {
  const clusters = clusterWords(corpus(), { minCount: 2, maxPasses: 20, levels: [2, 3, 4] });
  const fine = (word: string): number | undefined => clusters.get(word)?.[2];

  it('puts words used in the same places into one class and others apart', () => {
    expect(new Set(NOUNS.map(fine)).size).toBe(1);
    expect(new Set(VERBS.map(fine)).size).toBe(1);
    expect(new Set(DETERMINERS.map(fine)).size).toBe(1);
    expect(new Set([fine('cat'), fine('runs'), fine('the'), fine('.')]).size).toBe(4);
  });

  it('nests the levels: one fine class always lies in the same middle and coarse class', () => {
    const parents = new Map<number, string>();
    for (const [coarse, middle, fine] of clusters.values()) {
      const parent = `${coarse}/${middle}`;
      expect(parents.get(fine) ?? parent).toBe(parent);
      parents.set(fine, parent);
    }
  });

  it('writes a table the tagger reads back, folding digits and falling back to lower case', () => {
    const table = new Map([
      ['Geneva', [1, 2, 3]],
      ['0000', [4, 5, 6]],
      ['talks', [7, 8, 9]],
    ]);
    const file = serializeClusters(table, 'test');
    expect(gunzipSync(file).toString('utf8')).toContain('Geneva\t1\t2\t3');
    const read = WordClusters.parse(file);
    expect(read.lookup('Geneva')).toBe(packClusters(1, 2, 3));
    expect(read.lookup('GENEVA')).toBe(packClusters(1, 2, 3));
    expect(read.lookup('1987')).toBe(packClusters(4, 5, 6));
    expect(read.lookup('Talks')).toBe(packClusters(7, 8, 9));
    expect(read.lookup('Lausanne')).toBe(UNKNOWN_CLUSTER);
  });
});
