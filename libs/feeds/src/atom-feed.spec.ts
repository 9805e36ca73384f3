import { readFixture } from './fixtures/read-fixture';
import { parseFeed } from './index';

describe('parseFeed: Atom 1.0', () => {
  const feed = parseFeed(readFixture('atom/edge-cases.xml'), 'application/atom+xml');
  const [html, xhtml, text] = feed.items;

  it('reads the feed: html title as text, the alternate link resolved against xml:base, xml:lang', () => {
    expect(feed).toMatchObject({
      format: 'atom',
      title: 'Coast Daily',
      link: 'https://coast.example/',
      language: 'en',
    });
  });

  it('reads type="html" title, summary and content, an author with email and uri, RFC 3339 dates', () => {
    expect(html).toEqual({
      status: 'ok',
      item: {
        title: 'Storm warning & closures',
        link: 'https://coast.example/stories/storm',
        guid: 'tag:coast.example,2025:storm',
        summary: '<p>Gale force winds expected.</p>',
        content: '<p>Winds of <b>90 km/h</b>.</p>',
        published: '2025-05-01T06:00:00.000Z',
        updated: '2025-05-01T09:30:15.500Z',
        authors: [
          { name: 'Dana Weather', email: 'dana@coast.example', url: 'https://coast.example/people/dana' },
        ],
        categories: ['weather'],
        language: 'en',
        image: 'https://coast.example/img/storm.jpg',
        pubStatus: 'usable',
      },
    });
  });

  it('reads type="xhtml" title and content without the wrapper div, entry xml:base and xml:lang, media:thumbnail, the feed author', () => {
    expect(xhtml).toEqual({
      status: 'ok',
      item: {
        title: 'Tide tables',
        link: 'https://coast.example/archive/tides',
        guid: 'tag:coast.example,2025:tides',
        summary: 'Plain text summary with a < sign.',
        content: '<p>High tide at <b>06:12</b>.</p><img src="tide.png" alt="chart">',
        published: null,
        updated: '2025-04-30T00:00:00.000Z',
        authors: [{ name: 'Coast Desk', email: null, url: null }],
        categories: [],
        language: 'fr',
        image: 'https://coast.example/archive/thumbs/tide.png',
        pubStatus: 'usable',
      },
    });
  });

  it('reads an entry without id (guid null), escapes type="text" content as HTML, a broken date as null', () => {
    expect(text).toMatchObject({
      status: 'ok',
      item: { guid: null, content: 'Fish &amp; chips &lt;3', updated: null, published: null },
    });
  });

  it('answers a feed without entries with no items', () => {
    expect(parseFeed(readFixture('atom/empty.xml'), 'application/atom+xml')).toMatchObject({
      format: 'atom',
      title: 'Empty Atom',
      items: [],
    });
  });
});
