import { randomBytes } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { checkUrl, OutboundError } from '@newsflow/outbound';
import { badRequest } from '@newsflow/platform';
import { INDEXER_CONFIG, type IndexerConfig } from '../indexer.config';
import { WebhookDeliveriesRepository } from '../webhooks/webhook-deliveries.repository';
import { WebhookQueue } from '../webhooks/webhook.queue';
import { type SubscriptionFilter } from './subscription-filter';
import {
  type DeliveryLogEntry,
  type SubscriptionView,
  type SubscriptionWithSecret,
} from './subscriptions.schemas';
import { SubscriptionsRepository, type SubscriptionRow } from './subscriptions.repository';

/** Standard Webhooks secret form: whsec_ + base64 of random bytes (24–64 allowed; 32 here). */
const newSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

@Injectable()
export class SubscriptionsService {
  private readonly allowlist: string[];

  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly queue: WebhookQueue,
    @Inject(INDEXER_CONFIG) private readonly config: IndexerConfig,
  ) {
    this.allowlist = (config.NEWSFLOW_OUTBOUND_ALLOWLIST ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
  }

  /** The secret is in this answer and in a rotation's, never again. */
  async create(sourceId: string, url: string, filter: SubscriptionFilter): Promise<SubscriptionWithSecret> {
    await this.checkTarget(url);
    const secret = newSecret();
    const row = await this.subscriptions.create(sourceId, url, filter, secret);
    return { ...(await this.view(row)), secret };
  }

  async list(
    sourceId: string,
    after: string | undefined,
    limit: number,
  ): Promise<{ items: SubscriptionView[]; next: string | null }> {
    const rows = await this.subscriptions.list(sourceId, after, limit);
    return {
      items: await Promise.all(rows.map((row) => this.view(row))),
      next: rows.length === limit ? rows[rows.length - 1].id : null,
    };
  }

  async find(sourceId: string, id: string): Promise<SubscriptionView> {
    return this.view(await this.owned(sourceId, id));
  }

  async update(
    sourceId: string,
    id: string,
    changes: { url?: string; filter?: SubscriptionFilter; status?: 'active' | 'disabled' },
  ): Promise<SubscriptionView> {
    if (changes.url !== undefined) await this.checkTarget(changes.url);
    const row = await this.subscriptions.update(id, sourceId, changes);
    if (!row) throw new NotFoundException(`no subscription ${id}`);
    // Re-enabling sends the dead-lettered deliveries again: later versions of their articles would
    // otherwise wait for them forever (a version is never delivered before the one before it).
    if (changes.status === 'active') await this.requeue(id);
    return this.view(row);
  }

  async remove(sourceId: string, id: string): Promise<void> {
    if (!(await this.subscriptions.softDelete(id, sourceId)))
      throw new NotFoundException(`no subscription ${id}`);
  }

  async rotateSecret(sourceId: string, id: string): Promise<SubscriptionWithSecret> {
    const secret = newSecret();
    const row = await this.subscriptions.rotateSecret(
      id,
      sourceId,
      secret,
      this.config.SUBSCRIPTION_SECRET_GRACE_SECONDS,
    );
    if (!row) throw new NotFoundException(`no subscription ${id}`);
    return { ...(await this.view(row)), secret };
  }

  async deliveryLog(
    sourceId: string,
    id: string,
    before: string | undefined,
    limit: number,
  ): Promise<{ items: DeliveryLogEntry[]; next: string | null }> {
    await this.owned(sourceId, id);
    const items = await this.deliveries.log(id, before, limit);
    return { items, next: items.length === limit ? items[items.length - 1].id : null };
  }

  /**
   * Re-enables the subscription and queues its dead-lettered deliveries again, oldest version of each
   * article first (the ordering rule holds across a retry too), plus any pending ones the queue lost.
   */
  async retryDeliveries(sourceId: string, id: string): Promise<{ requeued: number }> {
    const subscription = await this.owned(sourceId, id);
    if (subscription.status !== 'active') await this.subscriptions.enable(id);
    return { requeued: await this.requeue(id) };
  }

  private async requeue(id: string): Promise<number> {
    await this.deliveries.revive(id);
    const pending = await this.deliveries.pendingOf(id);
    await this.queue.enqueue(pending.map((eventId) => ({ subscriptionId: id, eventId })));
    return pending.length;
  }

  private async owned(sourceId: string, id: string): Promise<SubscriptionRow> {
    const row = await this.subscriptions.find(id, sourceId);
    if (!row) throw new NotFoundException(`no subscription ${id}`);
    return row;
  }

  /** A clear 400 for a target the SSRF guard refuses; the worker's client checks every connection again. */
  private async checkTarget(url: string): Promise<void> {
    try {
      await checkUrl(url, { allowlist: this.allowlist });
    } catch (error) {
      if (error instanceof OutboundError) {
        throw badRequest(`url refused: ${error.message}`, [{ path: '/url', message: error.message }]);
      }
      throw error;
    }
  }

  private async view(row: SubscriptionRow): Promise<SubscriptionView> {
    const graceOver =
      row.previous_secret_expires_at === null || row.previous_secret_expires_at.getTime() <= Date.now();
    return {
      id: row.id,
      url: row.url,
      filter: row.filter,
      status: row.status,
      disabledReason: row.disabled_reason,
      disabledAt: row.disabled_at?.toISOString() ?? null,
      previousSecretValidUntil: graceOver ? null : (row.previous_secret_expires_at?.toISOString() ?? null),
      deliveries: await this.deliveries.counts(row.id),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}
