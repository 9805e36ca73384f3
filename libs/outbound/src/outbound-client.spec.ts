import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// The module object itself (not an interop copy), so the spy below is the connect undici calls.
import net from 'node:net';
import { brotliCompressSync, constants, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { OutboundClient } from './outbound-client';
import { OutboundError } from './outbound-error';

interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface TestServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  requests: SeenRequest[];
  connections: () => number;
  close: () => Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse, seen: SeenRequest) => void;

/** A real HTTP server on 127.0.0.1 only: these tests never address anything but loopback. */
async function startServer(handler: Handler): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  let connections = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const seen = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      };
      requests.push(seen);
      handler(request, response, seen);
    });
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function failure(promise: Promise<unknown>): Promise<OutboundError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OutboundError) return error;
    throw error;
  }
  throw new Error('expected the fetch to fail');
}

const text = 'Breaking: local council approves new library. '.repeat(40);

describe(OutboundClient.name, () => {
  const cleanups: Array<() => Promise<void>> = [];
  let connectSpy: jest.SpyInstance | undefined;

  async function serve(handler: Handler): Promise<TestServer> {
    const server = await startServer(handler);
    cleanups.push(server.close);
    return server;
  }

  function client(allowlist: string[] = ['127.0.0.1']): OutboundClient {
    const sut = new OutboundClient({ allowlist });
    cleanups.push(() => sut.close());
    return sut;
  }

  /**
   * For tests naming non-loopback addresses: if the guard ever let one through, the socket would fail
   * here instead of sending a packet. The assertion that it was never called proves the guard acted first.
   */
  function forbidNonLoopbackConnects(): jest.SpyInstance {
    const realConnect = net.connect.bind(net) as (...args: unknown[]) => net.Socket;
    connectSpy = jest.spyOn(net, 'connect').mockImplementation((...args: unknown[]) => {
      const options = args[0] as { host?: string };
      if (options.host !== '127.0.0.1' && options.host !== 'localhost') {
        throw new Error(`test tried to connect to ${String(options.host)}`);
      }
      return realConnect(...args);
    });
    return connectSpy;
  }

  afterEach(async () => {
    connectSpy?.mockRestore();
    connectSpy = undefined;
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  describe('address guard', () => {
    it('refuses loopback without an allowlist, before connecting', async () => {
      const server = await serve((_request, response) => response.end('secret'));

      const error = await failure(client([]).fetch(`${server.origin}/`));

      expect(error.code).toBe('blocked_address');
      expect(server.connections()).toBe(0);
    });

    it('fetches loopback when the allowlist names 127.0.0.1', async () => {
      const server = await serve((_request, response) => response.end('hello'));

      const result = await client(['127.0.0.1']).fetch(`${server.origin}/feed.xml`);

      expect(result.status).toBe(200);
      expect(result.body.toString()).toBe('hello');
      expect(result.url).toBe(`${server.origin}/feed.xml`);
    });

    it('guards resolved names: localhost is refused unless its name or address is allowlisted', async () => {
      const server = await serve((_request, response) => response.end('ok'));
      const url = `http://localhost:${server.port}/`;

      expect((await failure(client([]).fetch(url))).code).toBe('blocked_address');
      expect(server.connections()).toBe(0);
      expect((await client(['localhost']).fetch(url)).status).toBe(200);
      expect((await client(['127.0.0.0/8']).fetch(url)).status).toBe(200);
    });

    it('guards TLS connections the same way (the lookup reaches tls.connect)', async () => {
      // Nothing listens on port 9: a guard that let this through would fail with `network` instead.
      expect((await failure(client([]).fetch('https://localhost:9/'))).code).toBe('blocked_address');
      expect((await failure(client([]).fetch('https://127.0.0.1:9/'))).code).toBe('blocked_address');
      expect((await failure(client(['localhost']).fetch('https://localhost:9/'))).code).toBe('network');
    });

    it.each([
      ['IPv6 loopback', 'http://[::1]:9/'],
      ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]:9/'],
      ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/'],
      ['a private address', 'http://10.0.0.1/'],
      ['a CGNAT address', 'http://100.64.0.1/'],
      ['the unspecified address', 'http://0.0.0.0:9/'],
      ['a decimal-encoded loopback', 'http://2130706433:9/'],
    ])('refuses %s without sending a packet', async (_label, url) => {
      const connect = forbidNonLoopbackConnects();
      const started = Date.now();

      const error = await failure(client([]).fetch(url, { timeoutMs: 2000 }));

      expect(error.code).toBe('blocked_address');
      expect(Date.now() - started).toBeLessThan(500);
      expect(connect).not.toHaveBeenCalled();
    });

    it('refuses a redirect from an allowlisted host name to a blocked address', async () => {
      const server = await serve((_request, response) => {
        response.writeHead(302, { location: `http://127.0.0.1:${server.port}/internal` }).end();
      });

      const error = await failure(client(['localhost']).fetch(`http://localhost:${server.port}/feed`));

      expect(error.code).toBe('blocked_address');
      expect(server.requests.map((request) => request.url)).toEqual(['/feed']);
    });

    it('refuses a redirect from an allowlisted address to the metadata service', async () => {
      const connect = forbidNonLoopbackConnects();
      const server = await serve((_request, response) => {
        response.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      });

      const error = await failure(client(['127.0.0.1']).fetch(`${server.origin}/feed`));

      expect(error.code).toBe('blocked_address');
      expect(connect).toHaveBeenCalledTimes(1);
    });
  });

  describe('requests', () => {
    it('rejects unsupported schemes and invalid URLs', async () => {
      const sut = client();
      expect((await failure(sut.fetch('ftp://127.0.0.1/feed.xml'))).code).toBe('unsupported_scheme');
      expect((await failure(sut.fetch('javascript:alert(1)'))).code).toBe('unsupported_scheme');
      expect((await failure(sut.fetch('not a url'))).code).toBe('invalid_url');
    });

    it('sends the default user agent and accepted encodings, and the caller headers', async () => {
      const server = await serve((_request, response) => response.end());

      await client().fetch(server.origin, { headers: { Accept: 'application/rss+xml' } });

      expect(server.requests[0]?.headers).toMatchObject({
        'user-agent': 'Newsflow/0.1 (+https://newsflow.invalid)',
        'accept-encoding': 'gzip, deflate, br',
        accept: 'application/rss+xml',
      });
    });

    it('posts a body', async () => {
      const server = await serve((_request, response) => response.writeHead(202).end());

      const result = await client().fetch(`${server.origin}/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"id":1}',
      });

      expect(result.status).toBe(202);
      expect(server.requests[0]).toMatchObject({ method: 'POST', body: '{"id":1}' });
    });

    it('returns non-2xx statuses and lower-cases response header names', async () => {
      const server = await serve((_request, response) => {
        response.writeHead(404, { 'X-Request-ID': 'abc', 'Content-Type': 'text/plain' }).end('gone');
      });

      const result = await client().fetch(server.origin);

      expect(result.status).toBe(404);
      expect(result.headers['x-request-id']).toBe('abc');
      expect(Object.keys(result.headers).every((name) => name === name.toLowerCase())).toBe(true);
      expect(result.contentType).toBe('text/plain');
      expect(result.body.toString()).toBe('gone');
      expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
    });

    it('reports a refused connection as a network error', async () => {
      const server = await serve((_request, response) => response.end());
      await server.close();

      expect((await failure(client().fetch(server.origin))).code).toBe('network');
    });
  });

  describe('conditional GET', () => {
    const etag = '"v1"';
    const lastModified = 'Sat, 01 Mar 2025 12:00:00 GMT';

    it('returns the validators, sends them back and reports 304 as notModified', async () => {
      const server = await serve((request, response) => {
        if (request.headers['if-none-match'] === etag) {
          response.writeHead(304, { etag }).end();
          return;
        }
        response.writeHead(200, { etag, 'last-modified': lastModified }).end('<rss/>');
      });
      const sut = client();

      const first = await sut.fetch(server.origin);
      const second = await sut.fetch(server.origin, {
        etag: first.etag ?? undefined,
        lastModified: first.lastModified ?? undefined,
      });

      expect(first).toMatchObject({ status: 200, notModified: false, etag, lastModified });
      expect(server.requests[1]?.headers).toMatchObject({
        'if-none-match': etag,
        'if-modified-since': lastModified,
      });
      expect(second.status).toBe(304);
      expect(second.notModified).toBe(true);
      expect(second.body.length).toBe(0);
    });
  });

  describe('bodies', () => {
    it.each([
      ['gzip', gzipSync],
      ['deflate', deflateSync],
      ['deflate', deflateRawSync],
      ['br', brotliCompressSync],
    ] as const)('decodes %s (%p)', async (encoding, compress) => {
      const server = await serve((_request, response) => {
        response.writeHead(200, { 'content-encoding': encoding }).end(compress(Buffer.from(text)));
      });

      const result = await client().fetch(server.origin);

      expect(result.body.toString()).toBe(text);
      expect(result.headers['content-encoding']).toBe(encoding);
    });

    it('refuses a body over maxBytes that declares its length', async () => {
      const server = await serve((_request, response) => response.end(Buffer.alloc(2000, 'a')));

      const error = await failure(client().fetch(server.origin, { maxBytes: 1000 }));

      expect(error.code).toBe('too_large');
    });

    it('refuses a chunked body once it passes maxBytes', async () => {
      const server = await serve((_request, response) => {
        response.writeHead(200, { 'transfer-encoding': 'chunked' });
        for (let chunk = 0; chunk < 20; chunk += 1) response.write(Buffer.alloc(100, 'a'));
        response.end();
      });

      const error = await failure(client().fetch(server.origin, { maxBytes: 1000 }));

      expect(error.code).toBe('too_large');
    });

    it('accepts a body of exactly maxBytes', async () => {
      const server = await serve((_request, response) => response.end(Buffer.alloc(1000, 'a')));

      const result = await client().fetch(server.origin, { maxBytes: 1000 });

      expect(result.body.length).toBe(1000);
    });

    it.each([
      ['gzip', (data: Buffer) => gzipSync(data)],
      ['deflate', (data: Buffer) => deflateSync(data)],
      ['br', (data: Buffer) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } })],
    ] as const)('refuses a small %s body that inflates past maxBytes', async (encoding, compress) => {
      const bomb = compress(Buffer.alloc(32 * 1024 * 1024));
      const server = await serve((_request, response) => {
        response.writeHead(200, { 'content-encoding': encoding }).end(bomb);
      });

      const error = await failure(client().fetch(server.origin, { maxBytes: 1024 * 1024 }));

      expect(bomb.length).toBeLessThan(100 * 1024);
      expect(error.code).toBe('too_large');
    });

    it('reports a corrupt compressed body as a network error', async () => {
      const server = await serve((_request, response) => {
        response.writeHead(200, { 'content-encoding': 'gzip' }).end('definitely not gzip');
      });

      expect((await failure(client().fetch(server.origin))).code).toBe('network');
    });
  });

  describe('timeouts', () => {
    it('times out a server that never answers, within timeoutMs', async () => {
      const server = await serve(() => undefined);
      const started = Date.now();

      const error = await failure(client().fetch(server.origin, { timeoutMs: 200 }));

      expect(error.code).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it('times out a body that stalls half-way: the limit covers the whole request', async () => {
      const server = await serve((_request, response) => {
        response.writeHead(200, { 'content-length': '1000' });
        response.write('partial');
      });
      const started = Date.now();

      const error = await failure(client().fetch(server.origin, { timeoutMs: 300 }));

      expect(error.code).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(1000);
    });
  });

  describe('Retry-After', () => {
    it('reads delta-seconds from a 503', async () => {
      const server = await serve((_request, response) =>
        response.writeHead(503, { 'retry-after': '120' }).end(),
      );

      const result = await client().fetch(server.origin);

      expect(result).toMatchObject({ status: 503, retryAfterSeconds: 120 });
    });

    it('reads an HTTP-date from a 429', async () => {
      const server = await serve((_request, response) => {
        const at = new Date(Date.now() + 60_000).toUTCString();
        response.writeHead(429, { 'retry-after': at }).end();
      });

      const result = await client().fetch(server.origin);

      expect(result.status).toBe(429);
      expect(result.retryAfterSeconds).toBeGreaterThanOrEqual(58);
      expect(result.retryAfterSeconds).toBeLessThanOrEqual(60);
    });

    it('is null when absent', async () => {
      const server = await serve((_request, response) => response.end());

      expect((await client().fetch(server.origin)).retryAfterSeconds).toBeNull();
    });
  });

  describe('redirects', () => {
    it('follows relative and absolute redirects and reports the final URL', async () => {
      const server = await serve((request, response) => {
        if (request.url === '/old') response.writeHead(301, { location: '/moved' }).end();
        else if (request.url === '/moved')
          response.writeHead(307, { location: `${server.origin}/feed` }).end();
        else response.end('final');
      });

      const result = await client().fetch(`${server.origin}/old`);

      expect(result.body.toString()).toBe('final');
      expect(result.url).toBe(`${server.origin}/feed`);
    });

    it('gives up after maxRedirects', async () => {
      const server = await serve((request, response) => {
        const hop = Number(request.url?.slice(1)) || 0;
        response.writeHead(302, { location: `/${hop + 1}` }).end();
      });

      const error = await failure(client().fetch(`${server.origin}/0`, { maxRedirects: 3 }));

      expect(error.code).toBe('too_many_redirects');
      expect(server.requests).toHaveLength(4);
    });

    it('follows no redirect with maxRedirects 0', async () => {
      const server = await serve((_request, response) => response.writeHead(302, { location: '/x' }).end());

      const error = await failure(client().fetch(server.origin, { maxRedirects: 0 }));

      expect(error.code).toBe('too_many_redirects');
    });

    it('refuses a redirect to another scheme', async () => {
      const server = await serve((_request, response) => {
        response.writeHead(302, { location: 'ftp://127.0.0.1/feed.xml' }).end();
      });

      expect((await failure(client().fetch(server.origin))).code).toBe('unsupported_scheme');
    });

    it('turns a POST answered with 303 into a bodiless GET', async () => {
      const server = await serve((request, response) => {
        if (request.url === '/hook') response.writeHead(303, { location: '/status' }).end();
        else response.end('seen');
      });

      await client().fetch(`${server.origin}/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });

      expect(server.requests[1]).toMatchObject({ method: 'GET', url: '/status', body: '' });
      expect(server.requests[1]?.headers['content-type']).toBeUndefined();
    });

    it('drops credentials when a redirect leaves the origin', async () => {
      const target = await serve((_request, response) => response.end('ok'));
      const server = await serve((_request, response) => {
        response.writeHead(302, { location: `http://localhost:${target.port}/` }).end();
      });

      await client(['127.0.0.1']).fetch(server.origin, { headers: { Authorization: 'Bearer secret' } });

      expect(server.requests[0]?.headers.authorization).toBe('Bearer secret');
      expect(target.requests[0]?.headers.authorization).toBeUndefined();
    });
  });
});
