import { decodeHtml, extractArticle } from './article-page';

const paragraphs = [
  'The harbour authority confirmed on Thursday that the north pier will close for six weeks while engineers replace the timber decking that storms damaged last winter.',
  'Fishing boats will moor at the south quay in the meantime, and the ferry to the islands keeps its timetable, the authority said in a statement to residents.',
  'Repairs are expected to cost about 2.4 million, paid from the regional infrastructure fund, and the contractor starts work on Monday morning.',
];

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>North pier to close for repairs | Harbour Gazette</title></head>
<body>
  <header><nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
  <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Lottery winner found</a></li><li><a href="/b">Road closures</a></li></ul></aside>
  <main><article>
    <h1>North pier to close for repairs</h1>
    <p class="byline">By Mara Lindqvist</p>
    ${paragraphs.map((p) => `<p>${p}</p>`).join('\n    ')}
    <img src="/img/pier.jpg" alt="The north pier">
  </article></main>
  <div class="advert">Subscribe now for 1 euro a week!</div>
  <footer>© Harbour Gazette. All rights reserved. <a href="/privacy">Privacy</a></footer>
  <script>window.tracker = 'should never run';</script>
</body></html>`;

describe(extractArticle.name, () => {
  it('keeps the article’s paragraphs and drops navigation, sidebars, adverts, footer and scripts', () => {
    const article = extractArticle(page, 'https://gazette.example/news/pier');
    expect(article).not.toBeNull();
    for (const paragraph of paragraphs) expect(article?.text).toContain(paragraph);
    for (const furniture of [
      'Most read',
      'Lottery winner',
      'Subscribe now',
      'All rights reserved',
      'tracker',
    ]) {
      expect(article?.contentHtml).not.toContain(furniture);
    }
    expect(article?.title).toContain('North pier to close for repairs');
  });

  it('makes relative image and link URLs absolute against the page URL', () => {
    const article = extractArticle(page, 'https://gazette.example/news/pier');
    expect(article?.contentHtml).toContain('src="https://gazette.example/img/pier.jpg"');
  });

  it('answers null for a page without an article (an index page, an error page)', () => {
    const index = `<html><body><nav><a href="/1">One</a><a href="/2">Two</a></nav><p>Not found.</p></body></html>`;
    expect(extractArticle(index, 'https://gazette.example/missing')).toBeNull();
    expect(extractArticle('', 'https://gazette.example/empty')).toBeNull();
  });
});

describe(decodeHtml.name, () => {
  const latin1 = Buffer.from('<p>Caf\xe9 on the quay</p>', 'latin1');

  it('decodes by the Content-Type charset, then by <meta charset>, then as UTF-8', () => {
    expect(decodeHtml(latin1, 'text/html; charset=ISO-8859-1')).toBe('<p>Café on the quay</p>');
    const withMeta = Buffer.concat([Buffer.from('<meta charset="windows-1252">'), latin1]);
    expect(decodeHtml(withMeta, 'text/html')).toContain('Café');
    expect(decodeHtml(Buffer.from('<p>Café</p>', 'utf8'), null)).toBe('<p>Café</p>');
  });

  it('prefers a byte order mark and survives an unknown charset label', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>Ø</p>', 'utf8')]);
    expect(decodeHtml(bom, 'text/html; charset=iso-8859-1')).toBe('<p>Ø</p>');
    expect(decodeHtml(Buffer.from('<p>ok</p>'), 'text/html; charset=no-such-charset')).toBe('<p>ok</p>');
  });
});
