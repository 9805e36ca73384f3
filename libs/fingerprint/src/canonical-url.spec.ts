import { canonicalUrl, UnparseableUrlError } from './canonical-url';

describe(canonicalUrl.name, () => {
  it('lower-cases the scheme and host but keeps the path case', () => {
    expect(canonicalUrl('HTTPS://News.Example.COM/World/Story-ABC')).toBe(
      'https://news.example.com/World/Story-ABC',
    );
  });

  it('drops default ports and keeps others', () => {
    expect(canonicalUrl('https://example.com:443/a')).toBe('https://example.com/a');
    expect(canonicalUrl('http://example.com:80/a')).toBe('http://example.com/a');
    expect(canonicalUrl('https://example.com:8443/a')).toBe('https://example.com:8443/a');
  });

  it('drops the fragment', () => {
    expect(canonicalUrl('https://example.com/story#comments')).toBe('https://example.com/story');
  });

  it('removes tracking parameters, whatever their case', () => {
    expect(
      canonicalUrl(
        'https://example.com/s?id=7&utm_source=tw&UTM_Medium=social&fbclid=x&gclid=y&dclid=z&msclkid=m' +
          '&mc_cid=1&mc_eid=2&igshid=i&ref_src=twsrc&_ga=1.2&yclid=9&spm=a.b',
      ),
    ).toBe('https://example.com/s?id=7');
  });

  it('keeps parameters that only look like trackers', () => {
    expect(canonicalUrl('https://example.com/s?ref=home&utm=1')).toBe('https://example.com/s?ref=home&utm=1');
  });

  it('sorts the remaining parameters by name, then value, without re-encoding them', () => {
    expect(canonicalUrl('https://example.com/s?b=2&a=x%20y&c=&a=1')).toBe(
      'https://example.com/s?a=1&a=x%20y&b=2&c=',
    );
  });

  it('removes an empty query, also one left empty by removing trackers', () => {
    expect(canonicalUrl('https://example.com/s?')).toBe('https://example.com/s');
    expect(canonicalUrl('https://example.com/s?utm_campaign=spring&&')).toBe('https://example.com/s');
  });

  it('collapses dot segments', () => {
    expect(canonicalUrl('https://example.com/a/./b/../c/story')).toBe('https://example.com/a/c/story');
  });

  it('keeps a trailing slash as given, and always gives the bare root one', () => {
    expect(canonicalUrl('https://example.com/section/')).toBe('https://example.com/section/');
    expect(canonicalUrl('https://example.com/section')).toBe('https://example.com/section');
    expect(canonicalUrl('https://example.com')).toBe('https://example.com/');
    expect(canonicalUrl('https://example.com/?utm_source=x')).toBe('https://example.com/');
  });

  it('upper-cases percent-escapes', () => {
    expect(canonicalUrl('https://example.com/caf%c3%a9?q=%e2%9c%93')).toBe(
      'https://example.com/caf%C3%A9?q=%E2%9C%93',
    );
  });

  it('gives one string for links that differ only in what it normalises', () => {
    const variants = [
      'HTTPS://Example.com:443/news/./story?b=2&a=1&utm_source=rss#top',
      'https://example.com/news/story?a=1&b=2&fbclid=abc',
      'https://EXAMPLE.com/news/x/../story?a=1&b=2',
    ];
    expect(new Set(variants.map(canonicalUrl))).toEqual(new Set(['https://example.com/news/story?a=1&b=2']));
  });

  it.each(['not a url', '/relative/path', 'https://', ''])('throws on the unparseable %j', (input) => {
    expect(() => canonicalUrl(input)).toThrow(UnparseableUrlError);
  });
});
