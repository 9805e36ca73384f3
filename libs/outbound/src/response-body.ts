import type { Readable } from 'node:stream';
import { Transform, Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { OutboundError } from './outbound-error';

/** What this client advertises in Accept-Encoding; exactly what `readBody` can decode. */
export const ACCEPTED_ENCODINGS = 'gzip, deflate, br';

/**
 * Reads a response body, undoing its content codings (listed in the order they were applied, so
 * decoded last to first), and fails with `too_large` as soon as the decoded size passes `maxBytes`.
 * Counting after decompression is what stops a small gzip from inflating into gigabytes; the
 * decompressors emit 16 KiB chunks, so memory stays near `maxBytes` before the pipeline is torn down.
 */
export async function readBody(
  body: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Buffer> {
  const decoders = parseCodings(contentEncoding)
    .reverse()
    .map((coding) => createDecoder(coding));
  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) {
        callback(new OutboundError('too_large', `response body is larger than ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
      callback();
    },
  });
  try {
    await pipeline([body, ...decoders, sink], { signal });
  } catch (error) {
    if (error instanceof OutboundError) throw error;
    if (signal.aborted) throw error;
    const encoding = contentEncoding === undefined ? '' : ` (content-encoding ${contentEncoding})`;
    throw new OutboundError('network', `could not read the response body${encoding}: ${describe(error)}`, {
      cause: error,
    });
  }
  return Buffer.concat(chunks, size);
}

function parseCodings(header: string | undefined): string[] {
  if (header === undefined) return [];
  return header
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
}

function createDecoder(coding: string): Transform {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return new DeflateDecoder();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new OutboundError('network', `unsupported content-encoding ${JSON.stringify(coding)}`);
  }
}

/**
 * `deflate` should be zlib-wrapped (RFC 9110 §8.4.1.2) but some servers send raw deflate; like
 * browsers, look at the first byte (a zlib header has compression method 8 in its low nibble).
 */
class DeflateDecoder extends Transform {
  private inner: Transform | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.inner === undefined) {
      const first = chunk[0] ?? 0;
      const inner = (first & 0x0f) === 8 ? createInflate() : createInflateRaw();
      inner.on('data', (data: Buffer) => this.push(data));
      inner.on('error', (error) => this.destroy(error));
      this.inner = inner;
    }
    this.inner.write(chunk, () => callback());
  }

  override _flush(callback: TransformCallback): void {
    if (this.inner === undefined) {
      callback();
      return;
    }
    this.inner.once('end', () => callback());
    this.inner.end();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.inner?.destroy();
    callback(error);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
