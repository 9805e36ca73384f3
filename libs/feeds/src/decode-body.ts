import { TextDecoder } from 'node:util';
import { FeedParseError } from './feed-parse-error';

export interface MediaType {
  /** `type/subtype`, lower case; null when no Content-Type was given. */
  essence: string | null;
  charset: string | null;
}

export function parseMediaType(contentType: string | undefined): MediaType {
  if (contentType === undefined || contentType.trim() === '') return { essence: null, charset: null };
  const [essence = '', ...parameters] = contentType.split(';');
  let charset: string | null = null;
  for (const parameter of parameters) {
    const [name, value] = parameter.split('=', 2).map((part) => part.trim());
    if (name?.toLowerCase() === 'charset' && value) charset = value.replace(/^"(.*)"$/, '$1');
  }
  return { essence: essence.trim().toLowerCase(), charset };
}

const FEED_MEDIA_TYPES = new Set([
  'application/rss+xml',
  'application/rdf+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/json',
  'application/xml',
  'text/xml',
  // Servers often label feeds generically; the content decides the format.
  'text/plain',
  'application/octet-stream',
]);

/** Refuses media types that are clearly not feeds (`text/html`, `image/png`), naming the type. */
export function assertFeedMediaType(mediaType: MediaType): void {
  const { essence } = mediaType;
  if (essence === null) return;
  if (FEED_MEDIA_TYPES.has(essence) || essence.endsWith('+xml') || essence.endsWith('+json')) return;
  throw new FeedParseError(
    'unsupported_media_type',
    `media type '${essence}' is not a feed (expected RSS, RDF, Atom, XML or JSON Feed)`,
  );
}

/**
 * Bytes to text. The charset comes from the byte order mark, then the Content-Type `charset`,
 * then the XML declaration's `encoding`, else UTF-8 (the XML and JSON default). Undecodable
 * bytes become U+FFFD rather than failing the document.
 */
export function decodeBody(body: Buffer, mediaType: MediaType): string {
  const bom = sniffByteOrderMark(body);
  const charset = bom?.charset ?? mediaType.charset ?? sniffXmlDeclarationEncoding(body) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    // The WHATWG decoder maps iso-8859-1 and latin1 to windows-1252, a superset for printable text.
    decoder = new TextDecoder(charset, { fatal: false, ignoreBOM: false });
  } catch {
    throw new FeedParseError('malformed', `unsupported charset '${charset}'`);
  }
  return decoder.decode(body);
}

function sniffByteOrderMark(body: Buffer): { charset: string } | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { charset: 'utf-8' };
  if (body[0] === 0xff && body[1] === 0xfe) return { charset: 'utf-16le' };
  if (body[0] === 0xfe && body[1] === 0xff) return { charset: 'utf-16be' };
  return null;
}

function sniffXmlDeclarationEncoding(body: Buffer): string | null {
  // UTF-16 without a byte order mark shows itself by the zero bytes around "<?".
  if (body[0] === 0x3c && body[1] === 0x00 && body[2] === 0x3f && body[3] === 0x00) return 'utf-16le';
  if (body[0] === 0x00 && body[1] === 0x3c && body[2] === 0x00 && body[3] === 0x3f) return 'utf-16be';
  // The declaration is ASCII in every ASCII-compatible charset.
  const head = body.subarray(0, 200).toString('latin1');
  const match = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  const encoding = match?.[1]?.toLowerCase() ?? null;
  // A declaration that still says UTF-16 after a missing byte order mark was read as ASCII: ignore it.
  return encoding?.startsWith('utf-16') ? null : encoding;
}
