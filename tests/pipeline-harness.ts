import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { type Kafka } from 'kafkajs';
import { Client } from 'pg';
import { createKafka, parseBrokers } from '@newsflow/kafka';
import { eventually, ServiceProcess, testEnv } from '@newsflow/testing';

/**
 * The three services as separate processes against the test infrastructure, on their own ports so a
 * running development stack is never touched. Group ids are fixed so that committed offsets carry
 * over between runs against the same broker, like a real deployment's.
 */
export class PipelineHarness {
  readonly apiKey = `e2e-${randomBytes(16).toString('hex')}`;
  readonly ports = { ingester: 13001, enricher: 13002, indexer: 13003 } as const;
  readonly services: Record<'ingester' | 'enricher' | 'indexer', ServiceProcess>;
  readonly kafka: Kafka = createKafka({ brokers: parseBrokers(testEnv.kafkaBrokers), clientId: 'e2e' });
  readonly db = new Client({ connectionString: testEnv.databaseUrl });

  constructor() {
    const env = {
      KAFKA_BROKERS: testEnv.kafkaBrokers,
      DATABASE_URL: testEnv.databaseUrl,
      REDIS_URL: testEnv.redisUrl,
      NEWSFLOW_DEV_API_KEY: this.apiKey,
      NEWSFLOW_OUTBOUND_ALLOWLIST: '127.0.0.1',
      FEED_MIN_INTERVAL_SECONDS: '1',
      INGESTER_PORT: String(this.ports.ingester),
      ENRICHER_PORT: String(this.ports.enricher),
      INDEXER_PORT: String(this.ports.indexer),
      ENRICHER_GROUP_ID: 'e2e-enricher',
      INDEXER_GROUP_ID: 'e2e-indexer',
    };
    this.services = {
      indexer: new ServiceProcess('indexer', this.ports.indexer, env),
      enricher: new ServiceProcess('enricher', this.ports.enricher, env),
      ingester: new ServiceProcess('ingester', this.ports.ingester, env),
    };
  }

  async start(): Promise<void> {
    await this.db.connect();
    // The indexer migrates the database; the others start once the schema is there.
    await this.services.indexer.start();
    await Promise.all([this.services.enricher.start(), this.services.ingester.start()]);
  }

  async stop(): Promise<void> {
    await Promise.all(Object.values(this.services).map((service) => service.stop()));
    await this.db.end();
  }

  push(body: unknown, init: { headers?: Record<string, string>; rawBody?: string } = {}): Promise<Response> {
    return fetch(`http://127.0.0.1:${this.ports.ingester}/v1/articles`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${this.apiKey}`,
        ...init.headers,
      },
      body: init.rawBody ?? JSON.stringify(body),
    });
  }

  async pushOk<T>(body: unknown): Promise<T> {
    const response = await this.push(body);
    if (response.status !== 202)
      throw new Error(`push answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  /**
   * Posts a body over a raw socket and resolves with the status the server answers. The headers go
   * first; the body follows only if the server has not answered within a second. A server that
   * refuses a body by its Content-Length answers at once and hangs up, and an HTTP client still
   * writing the body would see EPIPE or a reset instead of the answer.
   */
  postRawStatus(body: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const socket = connect(this.ports.ingester, '127.0.0.1');
      let received = '';
      const settle = () => {
        const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
        if (match) resolve(Number(match[1]));
        else reject(new Error(`no HTTP answer: ${received.slice(0, 200)}`));
        socket.destroy();
      };
      socket.on('data', (chunk) => {
        received += chunk.toString('latin1');
        if (received.includes('\r\n\r\n')) settle();
      });
      socket.on('error', () => undefined);
      socket.on('close', settle);
      socket.write(
        `POST /v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
          `Authorization: Bearer ${this.apiKey}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
          `Connection: close\r\n\r\n`,
      );
      setTimeout(() => {
        if (!socket.destroyed) socket.end(body);
      }, 1_000);
    });
  }

  getArticle(id: string): Promise<Response> {
    return fetch(`http://127.0.0.1:${this.ports.indexer}/v1/articles/${id}`);
  }

  /** Waits until every id is readable from the indexer at (at least) the given version. */
  async waitForIndexed(ids: string[], version = 1, timeoutMs = 120_000): Promise<void> {
    await eventually(
      `${ids.length} articles indexed at version ${version}`,
      async () => {
        const { rows } = await this.db.query<{ n: string }>(
          'SELECT count(*) AS n FROM articles WHERE id = ANY($1) AND latest_version >= $2',
          [ids, version],
        );
        return Number(rows[0].n) === ids.length ? true : undefined;
      },
      { timeoutMs, intervalMs: 250 },
    );
  }

  async count(sql: string, params: unknown[]): Promise<number> {
    const { rows } = await this.db.query<{ n: string }>(sql, params);
    return Number(rows[0].n);
  }

  /** The pid of the test Kafka broker: whatever listens on its port. */
  brokerPid(): number {
    const port = testEnv.kafkaBrokers.split(',')[0].split(':')[1];
    const out = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
    const match = /pid=(\d+)/.exec(out);
    if (!match) throw new Error(`no process listens on the broker port ${port}`);
    return Number(match[1]);
  }
}

export interface PushResult {
  id: string;
  version: number;
  status: 'accepted' | 'updated' | 'duplicate' | 'killed' | 'rejected';
  reason?: string;
}

export interface ArticleView {
  id: string;
  version: number;
  status: string;
  headline: string;
  text: string;
  language: string;
  clusterId: string | null;
  entities: Array<{
    id: string;
    name: string;
    type: string;
    mentions: Array<{ start: number; end: number; text: string }>;
  }>;
}
