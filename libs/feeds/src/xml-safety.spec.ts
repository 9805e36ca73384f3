import { catchFeedParseError, readFixture } from './fixtures/read-fixture';
import { parseFeed, type FeedParseError } from './index';

const parseError = (body: Buffer, contentType = 'application/xml'): FeedParseError =>
  catchFeedParseError(() => parseFeed(body, contentType));

describe('parseFeed: XML safety', () => {
  it('refuses billion laughs as unsafe_xml, quickly, without expanding anything', () => {
    const started = performance.now();
    const error = parseError(readFixture('unsafe/billion-laughs.xml'));
    expect(performance.now() - started).toBeLessThan(200);
    expect(error.code).toBe('unsafe_xml');
    expect(error.message).toBe(
      'XML DOCTYPE declares entities (lol, lol1, lol2, lol3, lol4, …): refused, entity declarations are never expanded',
    );
  });

  it('refuses an external entity (XXE on file:///etc/passwd) as unsafe_xml, naming it', () => {
    const error = parseError(readFixture('unsafe/xxe.xml'));
    expect(error.code).toBe('unsafe_xml');
    expect(error.message).toContain('external entities (xxe)');
    expect(error.message).not.toContain('root:');
  });

  it('refuses an external parameter entity behind a comment as unsafe_xml', () => {
    const error = parseError(readFixture('unsafe/xxe-parameter-entity.xml'), 'application/atom+xml');
    expect(error).toMatchObject({
      code: 'unsafe_xml',
      message: expect.stringContaining('external entities (remote)'),
    });
  });

  it('refuses any internal DTD subset, even one without entities', () => {
    const body = Buffer.from('<!DOCTYPE rss [<!ELEMENT rss ANY>]><rss><channel/></rss>');
    expect(parseError(body).code).toBe('unsafe_xml');
  });

  it('refuses an entity declared by a DOCTYPE after the root start tag (the parser-level guard)', () => {
    const body = Buffer.from(
      '<rss><!DOCTYPE x [<!ENTITY a "boom">]><channel><item><title>&a;</title></item></channel></rss>',
    );
    expect(parseError(body)).toMatchObject({ code: 'unsafe_xml', message: expect.stringContaining('(a)') });
  });

  it('refuses truncated XML as malformed with the parser message', () => {
    const error = parseError(readFixture('rss2/truncated.xml'), 'application/rss+xml');
    expect(error.code).toBe('malformed');
    expect(error.message).toMatch(/^XML is not well-formed: /);
  });

  it('refuses mismatched tags as malformed, naming them', () => {
    const error = parseError(Buffer.from('<rss><channel><item></channel></rss>'));
    expect(error).toMatchObject({ code: 'malformed', message: expect.stringContaining("'item'") });
  });

  it('refuses an XML document that is not a feed, naming its root', () => {
    expect(parseError(Buffer.from('<html><body/></html>'))).toMatchObject({
      code: 'malformed',
      message: 'root element <html> is not a feed (expected <rss>, <rdf:RDF> or Atom <feed>)',
    });
  });
});
