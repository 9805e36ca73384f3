import { convert, type HtmlToTextOptions } from 'html-to-text';
import type { FeedAuthor } from './feed.types';

const TITLE_TO_TEXT: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
};

/** Collapses whitespace; blank becomes null. */
export function cleanText(text: string | null | undefined): string | null {
  return text?.replace(/\s+/g, ' ').trim() || null;
}

/** A title that may carry markup or entities (`<b>Big</b> news &amp; more`) as plain text. */
export function htmlToPlainText(html: string | null | undefined): string | null {
  if (!html) return null;
  return cleanText(/[<&]/.test(html) ? convert(html, TITLE_TO_TEXT) : html);
}

/** Escapes plain text so it can stand where HTML is expected (Atom `type="text"` content). */
export function plainTextToHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** RSS `author`/`managingEditor`: "jane@example.com (Jane Doe)", "Jane Doe <jane@example.com>", or either alone. */
export function parseContact(value: string | null): FeedAuthor | null {
  const text = cleanText(value);
  if (text === null) return null;
  const emailThenName = /^([^\s()<>]+@[^\s()<>]+)\s*\((.*)\)$/.exec(text);
  if (emailThenName !== null) {
    return { name: cleanText(emailThenName[2]), email: emailThenName[1] ?? null, url: null };
  }
  const nameThenEmail = /^(.*?)\s*<([^\s<>]+@[^\s<>]+)>$/.exec(text);
  if (nameThenEmail !== null) {
    return { name: cleanText(nameThenEmail[1]), email: nameThenEmail[2] ?? null, url: null };
  }
  if (/^[^\s@]+@[^\s@]+$/.test(text)) return { name: null, email: text, url: null };
  return { name: text, email: null, url: null };
}
