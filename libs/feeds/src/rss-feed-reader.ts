import { readXmlPubStatus } from './pub-status';
import { cleanText, htmlToPlainText, parseContact } from './feed-text';
import type { FeedAuthor, FeedDocument, FeedItem, FeedItemDraft } from './feed.types';
import { parseFeedDate } from './parse-feed-date';
import { readMediaImage } from './media-image';
import {
  NS,
  childElement,
  childElements,
  childText,
  namespacedAttribute,
  resolveUrl,
  textContent,
  type XmlElement,
} from './xml-document';

/**
 * RSS 2.0 (elements in no namespace, items inside `channel`) and RSS 1.0 (elements in the RSS 1.0
 * namespace, items beside `channel` under `rdf:RDF`, identified by `rdf:about`). Both share the
 * content, Dublin Core and Media RSS modules.
 */
export function readRssFeed(root: XmlElement, documentBase: string | null): FeedDocument {
  const rss1 = root.name === 'RDF';
  const ns = rss1 ? NS.rss1 : '';
  const channel = childElement(root, ns, 'channel');
  const itemParent = rss1 ? root : channel;
  const feedLink = channel === undefined ? null : readLink(channel, ns, documentBase);
  const language =
    (channel && (childText(channel, ns, 'language') ?? childText(channel, NS.dc, 'language'))) ??
    channel?.lang ??
    null;
  const elements = itemParent === undefined ? [] : childElements(itemParent, ns, 'item');
  return {
    format: rss1 ? 'rss1' : 'rss2',
    title: channel === undefined ? null : htmlToPlainText(childText(channel, ns, 'title')),
    link: feedLink,
    language,
    items: elements.map((element) => readItem(element, ns, rss1, feedLink ?? documentBase, language)),
  };
}

function readItem(
  element: XmlElement,
  ns: string,
  rss1: boolean,
  feedBase: string | null,
  feedLanguage: string | null,
): FeedItemDraft {
  const guidElement = childElement(element, ns, 'guid');
  const guid = rss1
    ? namespacedAttribute(element, NS.rdf, 'about')?.trim() || null
    : ((guidElement && cleanText(textContent(guidElement))) ?? null);
  let link = readLink(element, ns, feedBase);
  // RSS 2.0: a guid is a permalink unless isPermaLink="false".
  if (link === null && guidElement !== undefined && guidElement.attributes.isPermaLink !== 'false') {
    const permalink = resolveUrl(guid, element.base ?? feedBase);
    link = permalink !== null && /^https?:/.test(permalink) ? permalink : null;
  }
  const item: FeedItem = {
    title: htmlToPlainText(childText(element, ns, 'title')),
    link,
    guid,
    summary: rawText(element, ns, 'description'),
    content: rawText(element, NS.content, 'encoded'),
    published: parseFeedDate(childText(element, ns, 'pubDate') ?? childText(element, NS.dc, 'date')),
    updated: parseFeedDate(
      childText(element, NS.atom, 'updated') ?? childText(element, NS.dcterms, 'modified'),
    ),
    authors: readAuthors(element, ns),
    categories: [
      ...childElements(element, ns, 'category'),
      ...childElements(element, NS.dc, 'subject'),
    ].flatMap((category) => cleanText(textContent(category)) ?? []),
    language:
      childText(element, NS.dc, 'language') ?? (element.attributes['xml:lang']?.trim() || feedLanguage),
    image: readMediaImage(element, feedBase) ?? readEnclosureImage(element, feedBase),
    pubStatus: readXmlPubStatus(element),
  };
  return { item };
}

function readLink(element: XmlElement, ns: string, base: string | null): string | null {
  const link = childElement(element, ns, 'link');
  return link === undefined ? null : resolveUrl(textContent(link), link.base ?? base);
}

/** Text kept as written (HTML allowed), only trimmed. */
function rawText(element: XmlElement, ns: string, name: string): string | null {
  const child = childElement(element, ns, name);
  return child === undefined ? null : textContent(child).trim() || null;
}

function readAuthors(element: XmlElement, ns: string): FeedAuthor[] {
  const authors = childElements(element, ns, 'author').map((author) => parseContact(textContent(author)));
  const creators = childElements(element, NS.dc, 'creator').map((creator) => cleanText(textContent(creator)));
  return [
    ...authors.filter((author): author is FeedAuthor => author !== null),
    ...creators.flatMap((name) => (name === null ? [] : [{ name, email: null, url: null }])),
  ];
}

function readEnclosureImage(element: XmlElement, base: string | null): string | null {
  const enclosure = childElements(element, '', 'enclosure').find((candidate) =>
    candidate.attributes.type?.toLowerCase().startsWith('image/'),
  );
  return enclosure === undefined ? null : resolveUrl(enclosure.attributes.url, enclosure.base ?? base);
}
