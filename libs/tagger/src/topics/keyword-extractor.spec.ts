import { extractKeywords } from './keyword-extractor';

// Written for this test.
const HEADLINE = 'Harbour town votes on new sea wall after winter flooding';
const BODY =
  'Residents of Port Alder will vote next month on a new sea wall, after winter flooding damaged more ' +
  'than two hundred homes. The council said the sea wall would cost 14 million pounds. Supporters of ' +
  'the sea wall say the flooding will return every winter; opponents argue the money should go to ' +
  'moving homes inland. The harbour master said the old sea wall had failed twice since 2019, and that ' +
  'winter flooding had also closed the harbour for a week. Port Alder council will publish the plans ' +
  'on Friday.';

describe('extractKeywords', () => {
  it('finds the phrases an article keeps returning to, best first', () => {
    const keywords = extractKeywords(BODY, HEADLINE).map((keyword) => keyword.text);
    expect(keywords[0]).toBe('sea wall');
    expect(keywords).toEqual(expect.arrayContaining(['winter flooding', 'Port Alder', 'council', 'harbour']));
  });

  it('leaves out stop words, numbers, calendar words and phrases seen only once', () => {
    const keywords = extractKeywords(BODY, HEADLINE).map((keyword) => keyword.text.toLowerCase());
    for (const word of ['the', 'said', 'friday', 'month', '2019', 'two hundred', 'votes', 'inland']) {
      expect(keywords).not.toContain(word);
    }
  });

  it('keeps one form of nested phrases ("sea wall", not also "sea" and "wall")', () => {
    const keywords = extractKeywords(BODY, HEADLINE).map((keyword) => keyword.text);
    expect(keywords).not.toContain('sea');
    expect(keywords).not.toContain('wall');
  });

  it('writes a phrase as the body does and counts its occurrences', () => {
    const portAlder = extractKeywords(BODY, HEADLINE).find((keyword) => keyword.text === 'Port Alder');
    expect(portAlder?.count).toBe(2);
  });

  it('returns at most `limit` keywords and is deterministic', () => {
    expect(extractKeywords(BODY, HEADLINE, { limit: 3 })).toHaveLength(3);
    expect(extractKeywords(BODY, HEADLINE)).toEqual(extractKeywords(BODY, HEADLINE));
    expect(extractKeywords(BODY, HEADLINE).length).toBeLessThanOrEqual(10);
  });

  it('returns nothing for an empty text', () => {
    expect(extractKeywords('', '')).toEqual([]);
  });
});
