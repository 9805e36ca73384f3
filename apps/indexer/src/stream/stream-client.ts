import { type ServerResponse } from 'node:http';
import { type MatchableArticle } from '../subscriptions/subscription-filter';
import { type UpdateLogEntry } from './update-log.repository';

export interface StreamClientOptions {
  /** Bytes the socket may hold unsent before a live client counts as too slow and is cut off. */
  maxBufferedBytes: number;
  /** How long a replaying client may take to drain a full buffer before it is cut off. */
  drainTimeoutMs: number;
}

/**
 * One server-sent-events connection: its filter, its position in the update log, and its socket.
 * Updates are written as `id: <log position>` + `data: <update event JSON>`, so a client that
 * reconnects with `Last-Event-ID` resumes right after the last update it received.
 */
export class StreamClient {
  /** The log position this client has been offered up to (delivered or filtered out). */
  lastSeq: number;
  /** Caught up: the hub hands it each new update as it is read. Until then it replays from the log. */
  live = false;
  closed = false;
  private drainTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly response: ServerResponse,
    private readonly matches: (article: MatchableArticle) => boolean,
    startAfter: number,
    private readonly options: StreamClientOptions,
  ) {
    this.lastSeq = startAfter;
    response.on('close', () => this.markClosed());
  }

  /** Writes the update if it is new to this client and matches its filter. False when the socket is full. */
  offer(entry: UpdateLogEntry): boolean {
    if (this.closed || entry.seq <= this.lastSeq) return true;
    this.lastSeq = entry.seq;
    if (!this.matches(entry.article)) return true;
    const ok = this.response.write(`id: ${entry.seq}\ndata: ${JSON.stringify(entry.event)}\n\n`);
    if (this.live && this.response.writableLength > this.options.maxBufferedBytes) {
      this.cutOff(
        'slow_consumer',
        `more than ${this.options.maxBufferedBytes} bytes of updates are waiting to be read`,
      );
    }
    return ok;
  }

  /** Resolves once the socket can take more (replay pace); a client that never drains is cut off. */
  async drained(): Promise<void> {
    if (this.closed || this.response.writableLength === 0 || !this.response.writableNeedDrain) return;
    await new Promise<void>((resolve) => {
      this.drainTimer = setTimeout(() => {
        this.cutOff(
          'slow_consumer',
          `did not read the replayed updates within ${this.options.drainTimeoutMs} ms`,
        );
        resolve();
      }, this.options.drainTimeoutMs);
      this.response.once('drain', () => resolve());
      this.response.once('close', () => resolve());
    });
    clearTimeout(this.drainTimer);
  }

  /**
   * Says that updates after this client's position are no longer stored (the retention period pruned
   * them), so it knows to re-read what it missed through the read API rather than believe it has all.
   */
  gap(nextSeq: number): void {
    if (this.closed) return;
    const gap = {
      error: 'history_pruned',
      message: `updates ${this.lastSeq + 1}…${nextSeq - 1} are past the retention period and no longer stored; the stream goes on from ${nextSeq}`,
      missedFrom: String(this.lastSeq + 1),
      resumesAt: String(nextSeq),
    };
    this.response.write(`event: gap\ndata: ${JSON.stringify(gap)}\n\n`);
  }

  /** An SSE comment: keeps proxies from closing an idle connection, and tells the client it is alive. */
  heartbeat(): void {
    if (!this.closed) this.response.write(': heartbeat\n\n');
  }

  /**
   * Ends the stream with an `error` event that says why and where to resume, instead of buffering
   * without bound. The socket is destroyed if the client does not take even that within a second.
   */
  cutOff(code: string, message: string): void {
    if (this.closed) return;
    // No position in here: updates still in the socket buffer may be lost with it, so the client
    // resumes from the last id it actually received (EventSource sends it as Last-Event-ID).
    const error = { error: code, message: `${message}; reconnect with Last-Event-ID to resume` };
    this.response.end(`event: error\ndata: ${JSON.stringify(error)}\n\n`);
    this.markClosed();
    setTimeout(() => this.response.destroy(), 1_000).unref();
  }

  /** Server shutdown: end the stream politely; EventSource clients reconnect to another instance. */
  end(): void {
    if (this.closed) return;
    this.response.end();
    this.markClosed();
  }

  private markClosed(): void {
    this.closed = true;
    clearTimeout(this.drainTimer);
  }
}
