import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Agent, buildConnector, request, type Dispatcher } from 'undici';
import {
  blockedError,
  compileAllowlist,
  createGuardedLookup,
  isAllowlistedHost,
  isBlockedByPolicy,
  stripBrackets,
  type CompiledAllowlist,
} from './address-guard';
import { parseOutboundUrl } from './check-url';
import { findOutboundError, OutboundError } from './outbound-error';
import type { OutboundPolicy } from './outbound-policy';
import { ACCEPTED_ENCODINGS, readBody } from './response-body';
import { parseRetryAfter } from './retry-after';

export interface FetchOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The whole request — every hop, connecting, headers and body. Default 15000. */
  timeoutMs?: number;
  /** Limit on the decoded body (after decompression). Default 10 MiB. */
  maxBytes?: number;
  /** Default 5; every hop is guarded again; only http and https targets are followed. */
  maxRedirects?: number;
  /** Sent as If-None-Match. */
  etag?: string;
  /** Sent as If-Modified-Since. */
  lastModified?: string;
  userAgent?: string;
}

export interface FetchResult {
  status: number;
  /** Final URL, after redirects. */
  url: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Decoded body (gzip, deflate, br undone); empty for 304. */
  body: Buffer;
  notModified: boolean;
  retryAfterSeconds: number | null;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  elapsedMs: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_USER_AGENT = 'Newsflow/0.1 (+https://newsflow.invalid)';
/** A redirect's or 304's body is discarded; past this much the connection is closed instead of drained. */
const DISCARDED_BODY_LIMIT = 64 * 1024;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Dropped when a redirect leaves the origin, as browsers do, so credentials never follow a redirect. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/**
 * The one way Newsflow fetches URLs it does not control. Every connection it opens — first request
 * and each redirect hop — goes through a connector that refuses non-public addresses unless the
 * policy's allowlist names them: literal IPs before any socket exists, host names on the addresses
 * DNS returns at that moment. Status codes are returned, never thrown; failures are `OutboundError`s.
 */
export class OutboundClient {
  private readonly allowlist: CompiledAllowlist;
  private readonly agent: Agent;

  constructor(policy: OutboundPolicy) {
    this.allowlist = compileAllowlist(policy.allowlist);
    this.agent = new Agent({ connect: createGuardedConnector(this.allowlist) });
  }

  async fetch(url: string, options: FetchOptions = {}): Promise<FetchResult> {
    const started = performance.now();
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new OutboundError('timeout', `no complete response within ${timeoutMs} ms`)),
      timeoutMs,
    );
    try {
      return await this.follow(parseOutboundUrl(url), options, controller.signal, started);
    } catch (error) {
      throw toOutboundError(error, controller.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private async follow(
    start: URL,
    options: FetchOptions,
    signal: AbortSignal,
    started: number,
  ): Promise<FetchResult> {
    const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    let url = start;
    let method: 'GET' | 'POST' = options.method ?? 'GET';
    let body = options.body;
    const headers = requestHeaders(options);
    for (let redirects = 0; ; redirects += 1) {
      const response = await request(url, { dispatcher: this.agent, method, headers, body, signal });
      const location = response.headers.location;
      if (REDIRECT_STATUSES.has(response.statusCode) && typeof location === 'string') {
        await response.body.dump({ limit: DISCARDED_BODY_LIMIT, signal });
        if (redirects >= maxRedirects) {
          throw new OutboundError(
            'too_many_redirects',
            `more than ${maxRedirects} redirects from ${start.href}`,
          );
        }
        const next = parseOutboundUrl(location, url);
        // RFC 9110 §15.4: 303 always, and 301/302 after a POST in practice, continue as a bodiless GET.
        if (response.statusCode === 303 || (method === 'POST' && response.statusCode <= 302)) {
          method = 'GET';
          body = undefined;
          delete headers['content-type'];
          delete headers['content-length'];
        }
        if (next.origin !== url.origin) CREDENTIAL_HEADERS.forEach((name) => delete headers[name]);
        url = next;
        continue;
      }
      return await this.toResult(url, response, options, signal, started);
    }
  }

  private async toResult(
    url: URL,
    response: Dispatcher.ResponseData,
    options: FetchOptions,
    signal: AbortSignal,
    started: number,
  ): Promise<FetchResult> {
    const headers = flattenHeaders(response.headers);
    const notModified = response.statusCode === 304;
    let body: Buffer = Buffer.alloc(0);
    if (notModified) {
      await response.body.dump({ limit: DISCARDED_BODY_LIMIT, signal });
    } else {
      try {
        body = await this.readLimited(response, headers, options, signal);
      } catch (error) {
        // Nobody reads this body any more: destroy it (closing the connection) without an unhandled 'error'.
        response.body.on('error', () => undefined).destroy();
        throw error;
      }
    }
    return {
      status: response.statusCode,
      url: url.href,
      headers,
      body,
      notModified,
      retryAfterSeconds: parseRetryAfter(headers['retry-after']),
      contentType: headers['content-type'] ?? null,
      etag: headers['etag'] ?? null,
      lastModified: headers['last-modified'] ?? null,
      elapsedMs: Math.round(performance.now() - started),
    };
  }

  private async readLimited(
    response: Dispatcher.ResponseData,
    headers: Record<string, string>,
    options: FetchOptions,
    signal: AbortSignal,
  ): Promise<Buffer> {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const encoding = headers['content-encoding'];
    const declared = Number(headers['content-length']);
    if (encoding === undefined && Number.isFinite(declared) && declared > maxBytes) {
      throw new OutboundError('too_large', `response declares ${declared} bytes, more than ${maxBytes}`);
    }
    return await readBody(response.body, encoding, maxBytes, signal);
  }
}

/**
 * Literal IPs never reach `lookup` (net.connect skips resolution for them), so they are checked here,
 * before a socket exists; host names are checked on what DNS returns, inside the connect itself.
 */
function createGuardedConnector(allowlist: CompiledAllowlist): buildConnector.connector {
  const connect = buildConnector({ lookup: createGuardedLookup(allowlist) });
  return (options, callback) => {
    const host = stripBrackets(options.hostname);
    if (isIP(host) !== 0 && !isAllowlistedHost(host, allowlist) && isBlockedByPolicy(host, allowlist)) {
      callback(blockedError(host, host), null);
      return;
    }
    connect(options, callback);
  };
}

function requestHeaders(options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
    'accept-encoding': ACCEPTED_ENCODINGS,
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  if (options.etag !== undefined) headers['if-none-match'] = options.etag;
  if (options.lastModified !== undefined) headers['if-modified-since'] = options.lastModified;
  return headers;
}

function flattenHeaders(raw: Dispatcher.ResponseData['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function toOutboundError(error: unknown, signal: AbortSignal): OutboundError {
  const known = findOutboundError(error);
  if (known !== undefined) return known;
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    if (reason instanceof OutboundError) return reason;
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return new OutboundError('network', typeof code === 'string' ? `${code}: ${message}` : message, {
    cause: error,
  });
}
