import { decodeHTMLStrict, escapeAttribute, escapeText } from 'entities';
import { XMLParser, type EntityDecoderOptions } from 'fast-xml-parser';
import { FeedParseError } from './feed-parse-error';

export const NS = {
  xml: 'http://www.w3.org/XML/1998/namespace',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss1: 'http://purl.org/rss/1.0/',
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  media: 'http://search.yahoo.com/mrss/',
  xhtml: 'http://www.w3.org/1999/xhtml',
  /** RFC 6721, Atom tombstones (`at:deleted-entry`). */
  tombstones: 'http://purl.org/atompub/tombstones/1.0',
} as const;

// Feeds in the wild use these prefixes without declaring them; reading them as their usual
// namespaces recovers content:encoded, dc:creator and media:* from such documents.
const CONVENTIONAL_PREFIXES: Readonly<Record<string, string>> = {
  xml: NS.xml,
  rdf: NS.rdf,
  atom: NS.atom,
  content: NS.content,
  dc: NS.dc,
  dcterms: NS.dcterms,
  media: NS.media,
};

export interface XmlText {
  kind: 'text';
  text: string;
}

export interface XmlElement {
  kind: 'element';
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI; '' for none. */
  namespace: string;
  /** Attributes by qualified name, as written (`xml:base`, `rdf:about`, `href`). */
  attributes: Readonly<Record<string, string>>;
  children: XmlNode[];
  /** The xml:base in scope (relative ones resolved against the document's URL), or null when none is. */
  base: string | null;
  /** The xml:lang in scope, or null. */
  lang: string | null;
  /** Prefix → namespace URI in scope, to read attributes such as rdf:about. */
  namespaces: ReadonlyMap<string, string>;
}

export type XmlNode = XmlElement | XmlText;

/** fast-xml-parser's `preserveOrder` output: one key per node, plus `:@` for attributes. */
type OrderedNode = Record<string, unknown>;

const TEXT_KEY = '#text';
const CDATA_KEY = '#cdata';
const ATTRIBUTES_KEY = ':@';

/**
 * Decodes the five XML entities, character references and (leniently) HTML named entities, and
 * refuses every entity a DOCTYPE declares: a second line of defence behind `assertSafeXmlProlog`,
 * so no declared entity is ever expanded whatever the DOCTYPE looks like.
 */
const entityDecoder: EntityDecoderOptions = {
  setExternalEntities: () => undefined,
  addInputEntities: (entities) => {
    const names = Object.keys(entities);
    if (names.length > 0) {
      throw new FeedParseError('unsafe_xml', `XML DOCTYPE declares entities (${names.join(', ')}): refused`);
    }
  },
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: (text) => (text.includes('&') ? decodeHTMLStrict(text) : text),
};

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: CDATA_KEY,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  entityDecoder,
});

/** Parses a well-formed XML document into its root element; throws `malformed` with the parser's message. */
export function parseXmlDocument(xml: string, documentBase: string | null): XmlElement {
  let ordered: OrderedNode[];
  try {
    ordered = parser.parse(xml, true) as OrderedNode[];
  } catch (error) {
    if (error instanceof FeedParseError) throw error;
    throw new FeedParseError('malformed', `XML is not well-formed: ${(error as Error).message}`);
  }
  const rootContext: Scope = { base: null, documentBase, lang: null, namespaces: new Map() };
  const roots = ordered.flatMap((node) => toNodes(node, rootContext)).filter(isElement);
  const root = roots[0];
  if (root === undefined) throw new FeedParseError('malformed', 'XML document has no root element');
  return root;
}

interface Scope {
  base: string | null;
  documentBase: string | null;
  lang: string | null;
  namespaces: ReadonlyMap<string, string>;
}

function toNodes(node: OrderedNode, scope: Scope): XmlNode[] {
  const key = Object.keys(node).find((name) => name !== ATTRIBUTES_KEY);
  if (key === undefined) return [];
  const value = node[key];
  if (key === TEXT_KEY) return [{ kind: 'text', text: asText(value) }];
  if (key === CDATA_KEY) {
    const parts = Array.isArray(value) ? (value as OrderedNode[]) : [];
    return [{ kind: 'text', text: parts.map((part) => asText(part[TEXT_KEY])).join('') }];
  }
  const attributes = (node[ATTRIBUTES_KEY] ?? {}) as Record<string, string>;
  const namespaces = new Map(scope.namespaces);
  for (const [name, uri] of Object.entries(attributes)) {
    if (name === 'xmlns') namespaces.set('', uri);
    else if (name.startsWith('xmlns:')) namespaces.set(name.slice(6), uri);
  }
  const { prefix, local } = splitName(key);
  const xmlBase = attributes['xml:base'];
  const element: XmlElement = {
    kind: 'element',
    name: local,
    namespace: resolvePrefix(prefix, namespaces),
    attributes,
    children: [],
    base: xmlBase === undefined ? scope.base : resolveUrl(xmlBase, scope.base ?? scope.documentBase),
    lang: attributes['xml:lang']?.trim() || scope.lang,
    namespaces,
  };
  const childScope: Scope = { ...scope, base: element.base, lang: element.lang, namespaces };
  const children = Array.isArray(value) ? (value as OrderedNode[]) : [];
  element.children = children.flatMap((child) => toNodes(child, childScope));
  return [element];
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function splitName(qualifiedName: string): { prefix: string; local: string } {
  const colon = qualifiedName.indexOf(':');
  return colon < 0
    ? { prefix: '', local: qualifiedName }
    : { prefix: qualifiedName.slice(0, colon), local: qualifiedName.slice(colon + 1) };
}

function resolvePrefix(prefix: string, namespaces: ReadonlyMap<string, string>): string {
  return normaliseNamespace(namespaces.get(prefix) ?? CONVENTIONAL_PREFIXES[prefix] ?? '');
}

// Media RSS is often declared without its trailing slash.
function normaliseNamespace(uri: string): string {
  return uri === 'http://search.yahoo.com/mrss' ? NS.media : uri;
}

export function isElement(node: XmlNode): node is XmlElement {
  return node.kind === 'element';
}

/** Resolves a possibly relative URL; null when it cannot be made absolute. */
export function resolveUrl(url: string | null | undefined, base: string | null | undefined): string | null {
  const trimmed = url?.trim();
  if (!trimmed) return null;
  try {
    return new URL(trimmed, base ?? undefined).href;
  } catch {
    return null;
  }
}

export function childElements(parent: XmlElement, namespace: string, name: string): XmlElement[] {
  return parent.children.filter(
    (child): child is XmlElement => isElement(child) && child.name === name && child.namespace === namespace,
  );
}

export function childElement(parent: XmlElement, namespace: string, name: string): XmlElement | undefined {
  return childElements(parent, namespace, name)[0];
}

/** All text below the element (text and CDATA), as written. */
export function textContent(element: XmlElement): string {
  return element.children.map((child) => (isElement(child) ? textContent(child) : child.text)).join('');
}

/** Trimmed text of the first matching child, or null when absent or blank. */
export function childText(parent: XmlElement, namespace: string, name: string): string | null {
  const element = childElement(parent, namespace, name);
  return element === undefined ? null : textContent(element).trim() || null;
}

/** An attribute by namespace URI and local name (`rdf:about` whatever its prefix). */
export function namespacedAttribute(element: XmlElement, namespace: string, name: string): string | null {
  for (const [qualifiedName, value] of Object.entries(element.attributes)) {
    const { prefix, local } = splitName(qualifiedName);
    if (local === name && prefix !== '' && resolvePrefix(prefix, element.namespaces) === namespace)
      return value;
  }
  return null;
}

/** Serialises child nodes back to markup (Atom `type="xhtml"` content), without namespace declarations. */
export function serializeChildren(element: XmlElement): string {
  return element.children.map(serializeNode).join('');
}

function serializeNode(node: XmlNode): string {
  if (!isElement(node)) return escapeText(node.text);
  const attributes = Object.entries(node.attributes)
    .filter(([name]) => name !== 'xmlns' && !name.startsWith('xmlns:'))
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const inner = serializeChildren(node);
  return inner === '' && VOID_ELEMENTS.has(node.name)
    ? `<${node.name}${attributes}>`
    : `<${node.name}${attributes}>${inner}</${node.name}>`;
}

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
