import { Readability } from '@mozilla/readability';

/** The few DOM members used here; Readability itself walks the document through the full DOM API. */
interface PageDocument {
  querySelector(selector: string): unknown;
  head: { prepend(node: unknown): void } | null;
  createElement(name: string): { setAttribute(name: string, value: string): void };
}

// linkedom ships a CommonJS build beside its ES modules but declares types for ES modules only, and
// those need the DOM library this Node project does not load: the code comes in by require, typed here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseHTML } = require('linkedom') as { parseHTML: (html: string) => { document: PageDocument } };

/** The main text of a web page, as Readability found it. */
export interface ArticlePage {
  title: string | null;
  /** The article's markup, cleaned of navigation, adverts and other page furniture. */
  contentHtml: string;
  /** The same as plain text, for length checks and logs. */
  text: string;
  byline: string | null;
}

/** Readability gives up below this many characters of candidate text; shorter pages are not articles. */
const MIN_ARTICLE_CHARS = 200;
/** Pages with more elements than this are refused rather than parsed (a pathological or hostile page). */
const MAX_ELEMENTS = 20_000;

/**
 * Bytes of an HTML page to text: the byte order mark, then the Content-Type charset, then a
 * `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 1,024 bytes (the HTML
 * standard's pre-scan window), then UTF-8. An unknown label falls back to UTF-8 with replacement
 * characters rather than failing: the extraction is a best effort on top of the feed's own text.
 */
export function decodeHtml(body: Buffer, contentType: string | null): string {
  const bom =
    body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf
      ? 'utf-8'
      : body[0] === 0xfe && body[1] === 0xff
        ? 'utf-16be'
        : body[0] === 0xff && body[1] === 0xfe
          ? 'utf-16le'
          : null;
  const declared = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const head = body.subarray(0, 1024).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  for (const label of [bom, declared, meta, 'utf-8']) {
    if (label === null || label === undefined) continue;
    try {
      return new TextDecoder(label).decode(body);
    } catch {
      // not a label TextDecoder knows: try the next source
    }
  }
  return body.toString('utf8');
}

/**
 * Extracts the main article of an HTML page with Mozilla's Readability (the library behind Firefox's
 * Reader View) over a linkedom DOM (a light DOM without a browser engine, so no script ever runs).
 * Relative links and images in the result are made absolute against `url`. Null when the page has
 * no article-like content.
 */
export function extractArticle(html: string, url: string): ArticlePage | null {
  // linkedom builds no <html> element around a fragment (browsers do): give it one.
  const { document } = parseHTML(
    /<html[\s>]/i.test(html) ? html : `<html><head></head><body>${html}</body></html>`,
  );
  let parsed: ReturnType<Readability['parse']>;
  try {
    // Readability resolves relative URLs against the document's base URI, which linkedom takes from
    // <base href>: give it the page's own URL unless the page declares one.
    if (document.querySelector('base[href]') === null && document.head !== null) {
      const base = document.createElement('base');
      base.setAttribute('href', url);
      document.head.prepend(base);
    }
    parsed = new Readability(document, {
      charThreshold: MIN_ARTICLE_CHARS,
      maxElemsToParse: MAX_ELEMENTS,
    }).parse();
  } catch {
    return null; // too many elements, or markup the DOM or Readability cannot walk
  }
  const contentHtml = parsed?.content?.trim();
  const text = parsed?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  if (!contentHtml || text.length < MIN_ARTICLE_CHARS) return null;
  return {
    title: parsed?.title?.trim() || null,
    contentHtml,
    text,
    byline: parsed?.byline?.trim() || null,
  };
}
