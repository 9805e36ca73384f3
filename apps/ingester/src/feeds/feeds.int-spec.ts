import { randomBytes } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { uniqueSuffix } from '@newsflow/testing';
import { articleIdFor } from '../articles/article-identity';
import { SourcesService } from '../sources/sources.service';
import { FeedsController } from './feeds.controller';
import { startTestIngester, type TestIngester } from '../testing/test-ingester';

interface ItemResult {
  id?: string;
  version?: number;
  status: string;
  reason?: string;
}

describe(FeedsController.name, () => {
  const run = uniqueSuffix();
  const source = { id: `it-feeds-${run}`, apiKey: randomBytes(16).toString('hex') };
  let ingester: TestIngester;
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    ingester = await startTestIngester(`feeds-${run}`);
    app = ingester.app;
    baseUrl = ingester.baseUrl;
    await app.get(SourcesService).register(source.id, 'Feed test source', source.apiKey);
  });

  afterAll(async () => {
    await ingester?.stop();
  });

  const push = (document: string, contentType: string, dryRun = false) =>
    fetch(`${baseUrl}/v1/feeds/push${dryRun ? '?dryRun=true' : ''}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${source.apiKey}`, 'content-type': contentType },
      body: document,
    });

  const rss = (items: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>https://gazette.example/</link>
${items}
</channel></rss>`;

  const item = (guid: string, title: string, body: string, extra = '') =>
    `<item><guid isPermaLink="false">${guid}</guid><title>${title}</title>` +
    `<link>https://gazette.example/news/${guid}</link><description><![CDATA[<p>${body}</p>]]></description>` +
    `<pubDate>Fri, 27 Nov 2026 08:00:00 GMT</pubDate>${extra}</item>`;

  it('ingests an RSS document one article per item, answering each in document order', async () => {
    const guid = (n: number) => `${run}-rss-${n}`;
    const document = rss(
      item(guid(1), 'Ferry timetable changes', 'Ferries leave earlier from Monday.') +
        '<item><guid>empty-item</guid></item>' +
        item(guid(2), 'Market hall reopens', 'Stalls are back in the market hall.'),
    );

    const response = await push(document, 'application/rss+xml');
    expect(response.status).toBe(202);
    const results = (await response.json()) as ItemResult[];
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(results[0]).toEqual({ id: articleIdFor(source.id, guid(1)), version: 1, status: 'accepted' });
    expect(results[1].reason).toBeTruthy();

    // The same document again changes nothing; an edited item becomes version 2.
    const again = (await (await push(document, 'application/rss+xml')).json()) as ItemResult[];
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'rejected', 'duplicate']);
    const edited = rss(item(guid(1), 'Ferry timetable changes', 'Ferries leave earlier from Tuesday.'));
    const [update] = (await (await push(edited, 'application/rss+xml')).json()) as ItemResult[];
    expect(update).toEqual({ id: articleIdFor(source.id, guid(1)), version: 2, status: 'updated' });
  });

  it('shows with ?dryRun=true each item as understood, in the fixed form, without publishing', async () => {
    const document = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Harbour Gazette',
      items: [
        {
          id: `${run}-json-1`,
          url: 'https://gazette.example/news/json-1',
          title: 'Tide tables published',
          content_html: '<p>The tables for next year are out.</p>',
          summary: 'Tables are out.',
          date_published: '2026-11-27T07:00:00Z',
          authors: [{ name: 'Ana Costa', url: 'https://gazette.example/ana' }],
        },
      ],
    });

    const response = await push(document, 'application/feed+json', true);
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: unknown[] };
    expect(items).toEqual([
      {
        id: articleIdFor(source.id, `${run}-json-1`),
        version: 1,
        status: 'accepted',
        title: 'Tide tables published',
        link: 'https://gazette.example/news/json-1',
        guid: `${run}-json-1`,
        summary: 'Tables are out.',
        content: '<p>The tables for next year are out.</p>',
        published: '2026-11-27T07:00:00.000Z',
        updated: null,
        authors: [{ name: 'Ana Costa', email: null, url: 'https://gazette.example/ana' }],
      },
    ]);
    // Nothing was recorded: a real push still makes version 1.
    const [real] = (await (await push(document, 'application/feed+json')).json()) as ItemResult[];
    expect(real).toMatchObject({ version: 1, status: 'accepted' });
  });

  it('keeps one identity for a guid-less item whose link differs only by tracking parameters', async () => {
    const atom = (link: string, summary: string) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Gazette</title><id>urn:gazette</id><updated>2026-11-27T08:00:00Z</updated>
<entry><title>Lighthouse repainted</title><link href="${link}"/><updated>2026-11-27T08:00:00Z</updated><summary>${summary}</summary></entry>
</feed>`;
    const base = `https://gazette.example/news/lighthouse-${run}`;
    const [first] = (await (
      await push(atom(base, 'Red and white again.'), 'application/atom+xml')
    ).json()) as ItemResult[];
    const [second] = (await (
      await push(
        atom(`${base}?utm_source=feed&utm_medium=rss#top`, 'Red and white again, says the port.'),
        'application/atom+xml',
      )
    ).json()) as ItemResult[];
    expect(first).toMatchObject({ status: 'accepted', version: 1 });
    expect(second).toEqual({ id: first.id, version: 2, status: 'updated' });
  });

  it('refuses unsafe XML, malformed documents and non-feed media types with a clear error', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&x;</title></channel></rss>`;
    const unsafe = await push(xxe, 'application/rss+xml');
    expect(unsafe.status).toBe(400);
    expect(await unsafe.json()).toMatchObject({ error: 'unsafe_xml' });

    const malformed = await push('<rss version="2.0"><channel><title>cut', 'application/rss+xml');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: 'malformed' });

    const html = await push('<html><body>not a feed</body></html>', 'text/html');
    expect(html.status).toBe(415);

    // The service is still up and takes the next feed.
    expect((await push(rss(item(`${run}-after`, 'Still up', 'Yes.')), 'application/rss+xml')).status).toBe(
      202,
    );
  });
});
