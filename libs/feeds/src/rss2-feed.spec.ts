import { readFixture } from './fixtures/read-fixture';
import { parseFeed, type FeedItem, type ParsedFeed } from './index';

const okItems = (feed: ParsedFeed): FeedItem[] =>
  feed.items.map((result) => {
    expect(result.status).toBe('ok');
    return result.item;
  });

describe('parseFeed: RSS 2.0', () => {
  const feed = parseFeed(readFixture('rss2/edge-cases.xml'), 'application/rss+xml');
  const [cdata, entities, xmlBase, permalink, brokenDate] = okItems(feed);

  it('reads the channel', () => {
    expect(feed).toMatchObject({
      format: 'rss2',
      title: 'Harbour Town Gazette',
      link: 'https://gazette.example/news/',
      language: 'en-gb',
    });
    expect(feed.items).toHaveLength(5);
  });

  it('reads CDATA, strips HTML from the title, keeps HTML in description and content:encoded', () => {
    expect(cdata).toEqual({
      title: 'Council approves budget & harbour plan',
      link: 'https://gazette.example/news/budget',
      guid: 'gazette-1001',
      summary: '<p>The council voted <em>7–2</em>.</p>',
      content: '<p>Full story with <a href="/x">a link</a>.</p>',
      published: '2025-06-10T04:00:00.000Z',
      updated: null,
      authors: [{ name: 'Ada Editor', email: 'editor@gazette.example', url: null }],
      categories: ['Politics', 'Harbour'],
      language: 'en-gb',
      image: 'https://cdn.gazette.example/budget.jpg',
      pubStatus: 'usable',
    });
  });

  it('decodes entities in titles, resolves a relative link against the channel link, reads dc:creator and media:thumbnail', () => {
    expect(entities).toMatchObject({
      title: 'Ferry timetable & “delays” < 5 min',
      link: 'https://gazette.example/news/ferries/timetable',
      guid: null,
      // RFC 822 without weekday and seconds, numeric zone; pubDate wins over dc:date.
      published: '2025-06-10T07:30:00.000Z',
      authors: [{ name: 'Ben Reporter', email: null, url: null }],
      image: 'https://gazette.example/news/thumbs/ferry.png',
      pubStatus: 'usable',
    });
  });

  it('resolves relative links and enclosures against xml:base before the channel link', () => {
    expect(xmlBase).toMatchObject({
      link: 'https://archive.gazette.example/2025/06/old-pier',
      guid: 'https://gazette.example/news/old-pier',
      // "EST" is UTC-5; no seconds.
      published: '2025-06-11T15:15:00.000Z',
      image: 'https://archive.gazette.example/2025/pier.jpg',
      pubStatus: 'usable',
    });
  });

  it('takes a permalink guid as the link and dc:date as the date when those are all there is', () => {
    expect(permalink).toMatchObject({
      link: 'https://gazette.example/news/permalink-only',
      guid: 'https://gazette.example/news/permalink-only',
      published: '2025-06-12T06:45:00.000Z',
    });
  });

  it('reads a broken date as null and keeps the item', () => {
    expect(brokenDate).toMatchObject({ title: 'Broken date', published: null, updated: null });
  });

  it('resolves relative links against options.baseUrl when the feed has no link', () => {
    const body = Buffer.from('<rss><channel><item><title>t</title><link>/a/b</link></item></channel></rss>');
    const parsed = parseFeed(body, 'application/rss+xml', { baseUrl: 'https://fetched.example/feed.xml' });
    expect(parsed.items[0]?.item.link).toBe('https://fetched.example/a/b');
  });

  it('leaves a relative link it cannot resolve null rather than relative', () => {
    const body = Buffer.from('<rss><channel><item><title>t</title><link>/a/b</link></item></channel></rss>');
    expect(parseFeed(body, 'application/rss+xml').items[0]?.item.link).toBeNull();
  });

  it('decodes ISO-8859-1 bytes named by the XML declaration', () => {
    const parsed = parseFeed(readFixture('rss2/iso-8859-1-declared.xml'), 'application/rss+xml');
    expect(parsed.title).toBe('Déclaré');
    expect(parsed.items[0]?.item).toMatchObject({
      title: 'Café in São Paulo: crème brûlée at ½ price',
      summary: 'Ça coûte 3 £, «non».',
    });
  });

  it('decodes ISO-8859-1 bytes named only by the Content-Type charset', () => {
    const parsed = parseFeed(
      readFixture('rss2/iso-8859-1-content-type-only.xml'),
      'application/rss+xml; charset="ISO-8859-1"',
    );
    expect(parsed.title).toBe('Entête HTTP');
    expect(parsed.items[0]?.item.title).toBe('Café in São Paulo: crème brûlée at ½ price');
  });

  it('decodes UTF-16 with a byte order mark', () => {
    const text =
      '<?xml version="1.0" encoding="UTF-16"?><rss><channel><item><title>Zürich</title></item></channel></rss>';
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(parseFeed(body, 'application/xml').items[0]?.item.title).toBe('Zürich');
  });

  it('answers an empty channel with no items', () => {
    expect(parseFeed(readFixture('rss2/empty.xml'), 'application/rss+xml')).toEqual({
      format: 'rss2',
      title: 'Nothing yet',
      link: 'https://empty.example/',
      language: null,
      items: [],
    });
  });

  it('ignores an external DTD reference (old RSS 0.91) without fetching it', () => {
    const parsed = parseFeed(readFixture('rss2/old-netscape-doctype.xml'), 'text/xml');
    expect(parsed.items.map((result) => result.item.title)).toEqual(['Still parsed']);
  });
});
