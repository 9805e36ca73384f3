import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Gauge } from 'prom-client';
import { INDEXER_CONFIG, type IndexerConfig } from '../indexer.config';
import { type StreamClient } from './stream-client';
import { UpdateLogRepository, type UpdateLogEntry } from './update-log.repository';

/** Updates read from the log per query. */
const PAGE = 500;

const clientsGauge = new Gauge({ name: 'newsflow_stream_clients', help: 'Connected live-stream clients' });

/**
 * The live stream's one reader of the update log: it tails the log (`published_seq`) every
 * STREAM_POLL_MS and hands each new update to every caught-up client. A client that connects with
 * `Last-Event-ID` (or falls behind) replays from the log at its own pace, then joins the live ones;
 * the switch happens in one synchronous step against the in-memory tail, so nothing is skipped or
 * sent twice.
 */
@Injectable()
export class StreamHub implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StreamHub.name);
  private readonly clients = new Set<StreamClient>();
  private readonly recent: UpdateLogEntry[] = [];
  private head = 0;
  private started: Promise<void> | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private polling = false;
  private shuttingDown = false;

  constructor(
    private readonly log: UpdateLogRepository,
    @Inject(INDEXER_CONFIG) private readonly config: IndexerConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.started = this.findHead().then((head) => {
      this.head = head;
      this.pollTimer = setInterval(() => void this.poll(), this.config.STREAM_POLL_MS);
      this.heartbeatTimer = setInterval(() => {
        for (const client of this.clients) client.heartbeat();
      }, this.config.STREAM_HEARTBEAT_MS);
    });
  }

  /** The log's head, retried while PostgreSQL does not answer, so the stream starts once it does. */
  private async findHead(): Promise<number> {
    for (;;) {
      try {
        return await this.log.head();
      } catch (error) {
        if (this.shuttingDown) return 0;
        this.logger.warn(`live stream cannot read the update log yet: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** The newest position stored (across instances: the database's, not this hub's). */
  storedHead(): Promise<number> {
    return this.log.head();
  }

  /** The position a client without `Last-Event-ID` starts from: only updates from now on. */
  async currentHead(): Promise<number> {
    await this.started;
    return this.head;
  }

  /** Adds a client and brings it up to date from its position; it is live once this resolves. */
  async attach(client: StreamClient): Promise<void> {
    await this.started;
    this.clients.add(client);
    clientsGauge.set(this.clients.size);
    try {
      while (!client.closed) {
        const oldest = this.recent[0];
        const nearTail =
          client.lastSeq >= this.head || (oldest !== undefined && oldest.seq <= client.lastSeq + 1);
        if (!nearTail) {
          const page = await this.log.readAfter(client.lastSeq, PAGE);
          if (page.length > 0) {
            for (const entry of page) {
              // Positions are gap-free (see the update-log migration): a jump means pruned history.
              if (entry.seq > client.lastSeq + 1) client.gap(entry.seq);
              if (!client.offer(entry)) await client.drained();
              if (client.closed) break;
            }
            continue;
          }
        }
        // Synchronously, with no await between reading the tail and going live: poll() cannot slip
        // an update in between.
        for (const entry of this.recent) client.offer(entry);
        client.live = true;
        return;
      }
    } finally {
      if (client.closed) this.detach(client);
    }
  }

  detach(client: StreamClient): void {
    this.clients.delete(client);
    clientsGauge.set(this.clients.size);
  }

  /** Reads what the relay published since the last poll and hands it to the live clients. */
  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      for (;;) {
        const page = await this.log.readAfter(this.head, PAGE);
        for (const entry of page) {
          this.recent.push(entry);
          this.head = entry.seq;
          for (const client of this.clients) {
            if (client.closed) this.detach(client);
            else if (client.live) client.offer(entry);
          }
        }
        const keep = this.config.STREAM_RECENT_UPDATES;
        if (this.recent.length > keep) this.recent.splice(0, this.recent.length - keep);
        if (page.length < PAGE) break;
      }
    } catch (error) {
      this.logger.warn(`live stream: reading the update log failed: ${(error as Error).message}; will retry`);
    } finally {
      this.polling = false;
    }
  }

  onApplicationShutdown(): void {
    this.shuttingDown = true;
    clearInterval(this.pollTimer);
    clearInterval(this.heartbeatTimer);
    for (const client of this.clients) client.end();
    this.clients.clear();
    clientsGauge.set(0);
  }
}
