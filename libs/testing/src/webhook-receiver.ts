import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  path: string;
  /** webhook-id: the event id, the deduplication key. */
  id: string;
  timestamp: string;
  signatureCount: number;
  /** Parsed body, as `Webhook.verify` returned it. */
  body: { eventId: string; articleId: string; version: number; kind: string } & Record<string, unknown>;
  /** What this receiver answered. */
  status: number;
  receivedAt: number;
}

/**
 * A webhook receiver for tests that checks EVERY request with the reference `standardwebhooks`
 * package (Webhook.verify), never with Newsflow's code. A request that fails verification is kept in
 * `rejected` and answered 401. Per path: the secrets to verify with, and the status to answer.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  readonly rejected: Array<{ path: string; error: string }> = [];
  private readonly secrets = new Map<string, string[]>();
  private readonly answers = new Map<string, (body: ReceivedWebhook['body']) => number>();
  private server: Server | undefined;
  private port = 0;

  async start(port = this.port): Promise<this> {
    const server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  /** Closes the listening socket: deliveries meet "connection refused" until start() again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Every secret a receiver holds for the path; a delivery verifies if any of them does. */
  trust(path: string, ...secrets: string[]): void {
    this.secrets.set(path, secrets);
  }

  /** The status to answer for the path (default 204). */
  answer(path: string, status: number | ((body: ReceivedWebhook['body']) => number)): void {
    this.answers.set(path, typeof status === 'number' ? () => status : status);
  }

  /** Accepted deliveries for a path, deduplicated by webhook-id (first arrival kept). */
  deliveries(path: string): ReceivedWebhook[] {
    const seen = new Set<string>();
    return this.received.filter((d) => {
      if (d.path !== path || d.status < 200 || d.status >= 300 || seen.has(d.id)) return false;
      seen.add(d.id);
      return true;
    });
  }

  /** Accepted deliveries for a path before deduplication (to count duplicates). */
  rawDeliveries(path: string): ReceivedWebhook[] {
    return this.received.filter((d) => d.path === path && d.status >= 200 && d.status < 300);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = request.url ?? '/';
    const headers: Record<string, string> = {};
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    let body: ReceivedWebhook['body'] | undefined;
    let lastError = 'no secret registered for this path';
    for (const secret of this.secrets.get(path) ?? []) {
      try {
        body = new Webhook(secret).verify(raw, headers) as ReceivedWebhook['body'];
        break;
      } catch (error) {
        lastError = (error as Error).message;
      }
    }
    if (!body) {
      this.rejected.push({ path, error: lastError });
      response.writeHead(401).end('signature refused');
      return;
    }
    const status = this.answers.get(path)?.(body) ?? 204;
    this.received.push({
      path,
      id: headers['webhook-id'],
      timestamp: headers['webhook-timestamp'],
      signatureCount: headers['webhook-signature'].split(' ').length,
      body,
      status,
      receivedAt: Date.now(),
    });
    response
      .writeHead(status, { 'content-type': 'text/plain' })
      .end(status === 204 ? undefined : `answer ${status}`);
  }
}
