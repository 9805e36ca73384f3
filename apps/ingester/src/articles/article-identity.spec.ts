import { articleIdFor, contentHashOf } from './article-identity';

describe('article identity', () => {
  it('gives the same id to the same source and uri, and different ids across sources', () => {
    expect(articleIdFor('a', 'urn:1')).toBe(articleIdFor('a', 'urn:1'));
    expect(articleIdFor('a', 'urn:1')).not.toBe(articleIdFor('b', 'urn:1'));
    expect(articleIdFor('a', 'urn:1')).toMatch(/^[a-f0-9]{32}$/);
  });

  it('ignores whitespace-only edits but not real ones', () => {
    const base = {
      uri: 'u',
      headline: 'Storm  closes port',
      bodyText: 'Ships wait.\n\nMore later.',
      pubStatus: 'usable' as const,
    };
    expect(contentHashOf(base)).toBe(
      contentHashOf({ ...base, headline: ' Storm closes port ', bodyText: 'Ships wait. More later.' }),
    );
    expect(contentHashOf(base)).not.toBe(contentHashOf({ ...base, bodyText: 'Ships sail.' }));
  });
});
