/**
 * Query parameters that only say how a reader arrived (campaign, click and referral trackers).
 * They never select different content, so two links that differ only in them name the same article.
 * Matched case-insensitively; `utm_` is matched as a prefix.
 */
const TRACKING_PARAMETERS: ReadonlySet<string> = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'ref_src',
  'ref_url',
  '_ga',
  '_gl',
  'yclid',
  'spm',
  'twclid',
  'ttclid',
  'li_fat_id',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wt_mc',
  'cmpid',
]);

const TRACKING_PREFIXES: readonly string[] = ['utm_'];

export class UnparseableUrlError extends Error {
  constructor(readonly url: string) {
    super(`Unparseable URL: ${JSON.stringify(url.length > 200 ? `${url.slice(0, 200)}…` : url)}`);
    this.name = 'UnparseableUrlError';
  }
}

/**
 * Normalises a link for article identity: the same page reached through different links gives the
 * same string.
 *
 * - scheme and host lower-cased, default ports dropped, `.` and `..` segments resolved (WHATWG URL);
 * - fragment dropped; tracking parameters removed; the remaining parameters sorted (stable, by name
 *   then value, as raw encoded text so nothing is re-encoded); an empty query removed;
 * - percent-escapes upper-cased (RFC 3986 §6.2.2.1); the path otherwise keeps its case;
 * - a trailing slash is kept as given, except on the bare root, which is always `/` — WHATWG URL and
 *   RFC 3986 §6.2.3 treat `https://host` and `https://host/` as the same resource.
 *
 * @throws UnparseableUrlError when `url` is not an absolute URL.
 */
export function canonicalUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new UnparseableUrlError(url);
  }
  parsed.hash = '';
  // Setting `search` to '' removes the `?` too, so `/a?` and `/a` serialise alike.
  parsed.search = canonicalQuery(parsed.search);
  return upperCasePercentEscapes(parsed.href);
}

function canonicalQuery(search: string): string {
  const pairs = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParameter(pair))
    .map(upperCasePercentEscapes)
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals === -1
        ? { name: pair, value: '', raw: pair }
        : { name: pair.slice(0, equals), value: pair.slice(equals + 1), raw: pair };
    });
  // Array.prototype.sort is stable, so repeated names keep their order relative to each other only
  // when their values are equal; sorting by value too makes `a=2&a=1` and `a=1&a=2` one URL.
  pairs.sort((left, right) => compare(left.name, right.name) || compare(left.value, right.value));
  return pairs.length === 0 ? '' : `?${pairs.map((pair) => pair.raw).join('&')}`;
}

function isTrackingParameter(pair: string): boolean {
  const rawName = pair.split('=', 1)[0] ?? '';
  const name = safeDecode(rawName).toLowerCase();
  return TRACKING_PARAMETERS.has(name) || TRACKING_PREFIXES.some((prefix) => name.startsWith(prefix));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function upperCasePercentEscapes(text: string): string {
  return text.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
}
