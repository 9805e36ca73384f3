import {
  fingerprintOf,
  hammingDistance,
  isNearDuplicate,
  NEAR_DUPLICATE_MAX_DISTANCE,
  sharesBand,
  similarity,
} from './near-duplicate';
import { normalizedWords } from './text-features';

// Short texts written for these tests.
const HARBOUR_STORY = [
  'Harbour bridge reopens after storm repairs',
  'The Kestrel Bay harbour bridge reopened to traffic on Tuesday morning, three weeks after a winter storm tore away part of its deck and left two lanes hanging over the water.',
  'Engineers from the regional transport agency worked in shifts through the night to replace twelve steel beams and the damaged expansion joints, the agency said in a statement.',
  'Commuters had faced detours of up to forty minutes while the bridge was closed. Local shop owners on the waterfront said their takings had fallen by half during the closure.',
  'The mayor thanked the crews and said an inspection of the other two bridges in the town would begin next month, with results expected before the summer tourist season.',
  'A full report on the cause of the damage is due to be published in the autumn.',
].join('\n\n');

const HARBOUR_STORY_REPUBLISHED = [
  'UPDATE: Kestrel Bay bridge reopens following storm repairs',
  'KESTREL BAY (Coastal Wire) — The Kestrel Bay harbour bridge reopened to traffic on Tuesday morning, three weeks after a winter storm tore away part of its deck and left two lanes hanging over the water.',
  'Engineers from the regional transport agency worked in shifts through the night to replace twelve steel beams and the damaged expansion joints, the agency stated in a statement.',
  'Commuters had faced detours of up to forty minutes while the bridge was closed. Local shop owners on the waterfront said their takings had fallen by half during the closure.',
  'The mayor thanked the crews and said an inspection of the other two bridges in the town would begin next month, with results expected before the summer tourist season.',
  'Follow us on social media for the latest local news.',
].join('\n');

const ORCHESTRA_STORY = [
  'City orchestra names new principal conductor',
  'The Northfield Symphony Orchestra has appointed a 34-year-old violinist as its principal conductor, the youngest in the ensemble’s ninety-year history.',
  'She will lead twelve concerts in her first season, including a festival of contemporary works by composers from the region and a touring programme in the spring.',
  'Board members said the choice followed an eighteen-month search and two guest appearances that sold out the concert hall.',
].join('\n\n');

describe(fingerprintOf.name, () => {
  it('gives a 16-hex-character SimHash and band keys, the same for the same text', () => {
    const fingerprint = fingerprintOf(HARBOUR_STORY);
    expect(fingerprint.simhash).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint.bands.length).toBeGreaterThan(0);
    expect(fingerprintOf(HARBOUR_STORY)).toEqual(fingerprint);
  });

  it('scores identical texts 1.0', () => {
    expect(similarity(fingerprintOf(HARBOUR_STORY), fingerprintOf(HARBOUR_STORY))).toBe(1);
  });

  it('ignores case, punctuation, whitespace, line wrapping and Unicode width', () => {
    const reformatted = HARBOUR_STORY.toUpperCase()
      .replace(/\n\n/g, '\r\n')
      .replace(/ /g, '  ')
      .replace(/,/g, ' ;')
      .replace('KESTREL', 'ＫＥＳＴＲＥＬ');
    expect(fingerprintOf(reformatted)).toEqual(fingerprintOf(HARBOUR_STORY));
  });

  it('judges an edited republication a near-duplicate that shares a band with the original', () => {
    const original = fingerprintOf(HARBOUR_STORY);
    const republished = fingerprintOf(HARBOUR_STORY_REPUBLISHED);
    expect(isNearDuplicate(original, republished)).toBe(true);
    expect(sharesBand(original, republished)).toBe(true);
    expect(similarity(original, republished)).toBeLessThan(1);
  });

  it('judges unrelated stories different, with no shared band', () => {
    const harbour = fingerprintOf(HARBOUR_STORY);
    const orchestra = fingerprintOf(ORCHESTRA_STORY);
    expect(isNearDuplicate(harbour, orchestra)).toBe(false);
    expect(sharesBand(harbour, orchestra)).toBe(false);
    expect(hammingDistance(harbour.simhash, orchestra.simhash)).toBeGreaterThan(NEAR_DUPLICATE_MAX_DISTANCE);
  });

  it('fingerprints empty and one-word texts without failing', () => {
    expect(fingerprintOf('').simhash).toMatch(/^[0-9a-f]{16}$/);
    expect(similarity(fingerprintOf('Breaking'), fingerprintOf('breaking!'))).toBe(1);
  });
});

describe(normalizedWords.name, () => {
  it('applies NFKC, lower-cases, drops inner apostrophes and splits on everything else', () => {
    expect(normalizedWords("ISIL’s ﬁghters DON'T stop — naïve café, ＦＵＬＬ 1,000")).toEqual([
      'isils',
      'fighters',
      'dont',
      'stop',
      'naïve',
      'café',
      'full',
      '1',
      '000',
    ]);
  });

  it('keeps combining marks inside words', () => {
    expect(normalizedWords('नमस्ते दुनिया')).toEqual(['नमस्ते', 'दुनिया']);
  });
});
