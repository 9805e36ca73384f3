import { EventEmitter } from 'node:events';
import { type ServerResponse } from 'node:http';
import { type ArticleUpdateEvent } from '@newsflow/contracts';
import { StreamClient } from './stream-client';
import { type UpdateLogEntry } from './update-log.repository';

/** A response whose socket never drains: everything written stays buffered. */
class StuckResponse extends EventEmitter {
  chunks: string[] = [];
  ended = false;
  destroyed = false;
  writableNeedDrain = false;
  get writableLength(): number {
    return this.chunks.reduce((n, chunk) => n + Buffer.byteLength(chunk), 0);
  }
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    this.writableNeedDrain = this.writableLength > 512;
    return !this.writableNeedDrain;
  }
  end(chunk?: string): void {
    if (chunk) this.chunks.push(chunk);
    this.ended = true;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

const entry = (seq: number, sourceId = 'wire'): UpdateLogEntry => ({
  seq,
  event: { articleId: `a${seq}`, version: 1, kind: 'created', sourceId } as ArticleUpdateEvent,
  article: {
    articleId: `a${seq}`,
    version: 1,
    kind: 'created',
    sourceId,
    language: 'en',
    topics: [],
    entities: [],
    text: 'Harbour news',
  },
});

describe(StreamClient.name, () => {
  const options = { maxBufferedBytes: 1_000, drainTimeoutMs: 50 };

  it('writes matching updates with their log position as the event id, and skips the rest', () => {
    const response = new StuckResponse();
    const client = new StreamClient(
      response as unknown as ServerResponse,
      (article) => article.sourceId === 'wire',
      10,
      options,
    );
    client.offer(entry(9)); // at or before its position: already seen
    client.offer(entry(11));
    client.offer(entry(12, 'other'));
    client.offer(entry(13));
    expect(response.chunks.map((c) => /^id: (\d+)/.exec(c)?.[1])).toEqual(['11', '13']);
    expect(client.lastSeq).toBe(13);
  });

  it('cuts off a live client that falls too far behind with an error event, instead of buffering on', () => {
    const response = new StuckResponse();
    const client = new StreamClient(response as unknown as ServerResponse, () => true, 0, options);
    client.live = true;
    for (let seq = 1; seq <= 50 && !client.closed; seq += 1) client.offer(entry(seq));
    expect(client.closed).toBe(true);
    expect(response.ended).toBe(true);
    const last = response.chunks.at(-1)!;
    expect(last).toMatch(/^event: error\ndata: /);
    expect(JSON.parse(last.split('data: ')[1])).toMatchObject({ error: 'slow_consumer' });
    const written = response.chunks.length;
    client.offer(entry(51));
    expect(response.chunks).toHaveLength(written); // nothing more after the cut
  });

  it('cuts off a replaying client that does not read within the drain timeout', async () => {
    const response = new StuckResponse();
    const client = new StreamClient(response as unknown as ServerResponse, () => true, 0, options);
    let seq = 0;
    while (client.offer(entry((seq += 1)))) {
      // fill the buffer
    }
    await client.drained();
    expect(client.closed).toBe(true);
    expect(response.chunks.at(-1)).toContain('"error":"slow_consumer"');
  });
});
