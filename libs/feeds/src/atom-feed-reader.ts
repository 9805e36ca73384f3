import { readXmlPubStatus } from './pub-status';
import { cleanText, htmlToPlainText, plainTextToHtml } from './feed-text';
import type { FeedAuthor, FeedDocument, FeedItemDraft } from './feed.types';
import { readMediaImage } from './media-image';
import { parseFeedDate } from './parse-feed-date';
import {
  NS,
  childElement,
  childElements,
  childText,
  isElement,
  resolveUrl,
  serializeChildren,
  textContent,
  type XmlElement,
} from './xml-document';

/** Atom 1.0 (RFC 4287). Entries inherit the feed's authors and xml:lang, as the RFC says. */
export function readAtomFeed(root: XmlElement, documentBase: string | null): FeedDocument {
  const feedLink = readAlternateLink(root, documentBase);
  const feedAuthors = readAuthors(root, documentBase);
  return {
    format: 'atom',
    title: readPlainText(childElement(root, NS.atom, 'title')),
    link: feedLink,
    language: root.lang,
    // Entries and tombstones, in document order: a feed may carry a story and, later, its kill.
    items: root.children.filter(isElement).flatMap((child) => {
      if (child.namespace === NS.atom && child.name === 'entry') {
        return [readEntry(child, feedLink ?? documentBase, feedAuthors)];
      }
      if (child.namespace === NS.tombstones && child.name === 'deleted-entry') {
        return [readTombstone(child, feedLink ?? documentBase)];
      }
      return [];
    }),
  };
}

/**
 * An RFC 6721 `<at:deleted-entry ref="…" when="…">`: the publisher withdrew the entry whose id is
 * `ref`. It carries no content, only the identity (and perhaps a link and a comment), so it is read
 * as a kill of that entry.
 */
function readTombstone(tombstone: XmlElement, feedBase: string | null): FeedItemDraft {
  const ref = cleanText(tombstone.attributes.ref);
  return {
    item: {
      title: null,
      link: readAlternateLink(tombstone, feedBase),
      guid: ref,
      summary: cleanText(childText(tombstone, NS.tombstones, 'comment')),
      content: null,
      published: null,
      updated: parseFeedDate(tombstone.attributes.when ?? null),
      authors: [],
      categories: [],
      language: tombstone.lang,
      image: null,
      pubStatus: 'canceled',
    },
    ...(ref === null ? { problem: 'at:deleted-entry has no ref attribute naming the entry it deletes' } : {}),
  };
}

function readEntry(entry: XmlElement, feedBase: string | null, feedAuthors: FeedAuthor[]): FeedItemDraft {
  const source = childElement(entry, NS.atom, 'source');
  const entryAuthors = readAuthors(entry, feedBase);
  const sourceAuthors = source === undefined ? [] : readAuthors(source, feedBase);
  return {
    item: {
      title: readPlainText(childElement(entry, NS.atom, 'title')),
      link: readAlternateLink(entry, feedBase),
      guid: childText(entry, NS.atom, 'id'),
      summary: readMarkup(childElement(entry, NS.atom, 'summary'), 'as-given'),
      content: readMarkup(childElement(entry, NS.atom, 'content'), 'as-html'),
      published: parseFeedDate(childText(entry, NS.atom, 'published')),
      updated: parseFeedDate(childText(entry, NS.atom, 'updated')),
      authors:
        entryAuthors.length > 0 ? entryAuthors : sourceAuthors.length > 0 ? sourceAuthors : feedAuthors,
      categories: childElements(entry, NS.atom, 'category').flatMap(
        (category) => cleanText(category.attributes.term ?? category.attributes.label) ?? [],
      ),
      language: entry.lang,
      image: readMediaImage(entry, feedBase) ?? readEnclosureImage(entry, feedBase),
      pubStatus: readXmlPubStatus(entry),
    },
  };
}

/** An Atom text construct (title) as plain text. */
function readPlainText(element: XmlElement | undefined): string | null {
  if (element === undefined) return null;
  switch (textType(element)) {
    case 'html':
      return htmlToPlainText(textContent(element));
    case 'xhtml':
    case 'text':
      return cleanText(textContent(element));
  }
}

/**
 * An Atom text construct or content as markup. `as-given` keeps text as written (summaries);
 * `as-html` escapes plain text so `content` is always HTML. Out-of-line content (`src`) and
 * non-text media types carry no body here: null.
 */
function readMarkup(element: XmlElement | undefined, plainText: 'as-given' | 'as-html'): string | null {
  if (element === undefined || element.attributes.src !== undefined) return null;
  const type = element.attributes.type?.trim().toLowerCase() ?? 'text';
  if (type === 'xhtml') {
    const wrapper = element.children.find(isElement);
    const markup = wrapper?.name === 'div' && wrapper.namespace === NS.xhtml ? wrapper : element;
    return serializeChildren(markup).trim() || null;
  }
  const text = textContent(element).trim();
  if (text === '') return null;
  if (type === 'html' || type === 'text/html') return text;
  if (type === 'text' || type.startsWith('text/'))
    return plainText === 'as-html' ? plainTextToHtml(text) : text;
  return null;
}

function textType(element: XmlElement): 'text' | 'html' | 'xhtml' {
  const type = element.attributes.type?.trim().toLowerCase();
  return type === 'html' || type === 'xhtml' ? type : 'text';
}

function readAlternateLink(element: XmlElement, base: string | null): string | null {
  const links = childElements(element, NS.atom, 'link').filter(
    (link) => (link.attributes.rel ?? 'alternate') === 'alternate',
  );
  const link = links.find((candidate) => candidate.attributes.type?.includes('html')) ?? links[0];
  return link === undefined ? null : resolveUrl(link.attributes.href, link.base ?? base);
}

function readAuthors(element: XmlElement, base: string | null): FeedAuthor[] {
  return childElements(element, NS.atom, 'author').map((author) => {
    const uri = childElement(author, NS.atom, 'uri');
    return {
      name: cleanText(childText(author, NS.atom, 'name')),
      email: childText(author, NS.atom, 'email'),
      url: uri === undefined ? null : resolveUrl(textContent(uri), uri.base ?? base),
    };
  });
}

function readEnclosureImage(entry: XmlElement, base: string | null): string | null {
  const enclosure = childElements(entry, NS.atom, 'link').find(
    (link) => link.attributes.rel === 'enclosure' && link.attributes.type?.toLowerCase().startsWith('image/'),
  );
  return enclosure === undefined ? null : resolveUrl(enclosure.attributes.href, enclosure.base ?? base);
}
