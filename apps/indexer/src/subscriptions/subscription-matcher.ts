import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Gauge } from 'prom-client';
import { INDEXER_CONFIG, type IndexerConfig } from '../indexer.config';
import { SubscriptionIndex, type MatchableArticle } from './subscription-filter';
import { SubscriptionsRepository } from './subscriptions.repository';

const indexedGauge = new Gauge({
  name: 'newsflow_subscriptions_indexed',
  help: 'Active subscriptions in this process’s matching index',
});

/**
 * Commits can land out of updated_at order (clock_timestamp() is taken before the commit), so each
 * refresh re-reads this much before the newest change it saw. Re-applying a change is harmless.
 */
const OVERLAP_MS = 5_000;

/**
 * This process's matching index of active subscriptions: loaded at start, then kept fresh by reading
 * rows changed since the last look (subscriptions may be created on another indexer instance),
 * every SUBSCRIPTION_REFRESH_MS and before each dispatched batch.
 */
@Injectable()
export class SubscriptionMatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SubscriptionMatcher.name);
  private readonly index = new SubscriptionIndex();
  private newest: Date | undefined;
  private refreshing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    @Inject(INDEXER_CONFIG) private readonly config: IndexerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) =>
        this.logger.warn(`subscription refresh failed: ${(error as Error).message}`),
      );
    }, this.config.SUBSCRIPTION_REFRESH_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Applies changes since the last refresh; concurrent callers share one query. */
  refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  match(article: MatchableArticle): string[] {
    return this.index.match(article);
  }

  get size(): number {
    return this.index.size;
  }

  private async load(): Promise<void> {
    const since = this.newest && new Date(this.newest.getTime() - OVERLAP_MS);
    const changes = await this.subscriptions.changesSince(since);
    for (const change of changes) {
      if (change.live) this.index.add(change.id, change.filter);
      else this.index.remove(change.id);
      if (!this.newest || change.updatedAt > this.newest) this.newest = change.updatedAt;
    }
    indexedGauge.set(this.index.size);
  }
}
