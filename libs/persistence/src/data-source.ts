import { DataSource } from 'typeorm';
import { ApiKeyEntity } from './entities/api-key.entity';
import { ArticleVersionEntity } from './entities/article-version.entity';
import { ArticleEntity } from './entities/article.entity';
import { NamedEntityEntity } from './entities/entity.entity';
import { FeedEntity } from './entities/feed.entity';
import { IngestLedgerEntity } from './entities/ingest-ledger.entity';
import { MentionEntity } from './entities/mention.entity';
import { OutboxEntity } from './entities/outbox.entity';
import { SourceEntity } from './entities/source.entity';
import { SubscriptionEntity } from './entities/subscription.entity';
import { WebhookDeliveryAttemptEntity, WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { InitialSchema1764230400000 } from './migrations/1764230400000-initial-schema';
import { ApiKeys1764234000000 } from './migrations/1764234000000-api-keys';
import { SourceSigning1764237600000 } from './migrations/1764237600000-source-signing';
import { Feeds1764241200000 } from './migrations/1764241200000-feeds';
import { NearDuplicates1764244800000 } from './migrations/1764244800000-near-duplicates';
import { FeedFullText1764248400000 } from './migrations/1764248400000-feed-full-text';
import { Subscriptions1764300000000 } from './migrations/1764300000000-subscriptions';
import { ArticleSearch1764310000000 } from './migrations/1764310000000-article-search';
import { UpdateLog1764320000000 } from './migrations/1764320000000-update-log';
import { OutboxRetention1764330000000 } from './migrations/1764330000000-outbox-retention';

export const ENTITIES = [
  SourceEntity,
  ApiKeyEntity,
  IngestLedgerEntity,
  ArticleEntity,
  ArticleVersionEntity,
  NamedEntityEntity,
  MentionEntity,
  OutboxEntity,
  FeedEntity,
  SubscriptionEntity,
  WebhookDeliveryEntity,
  WebhookDeliveryAttemptEntity,
];

/** Listed explicitly (not globbed) so that the same list works from dist/ and under Jest. */
export const MIGRATIONS = [
  InitialSchema1764230400000,
  ApiKeys1764234000000,
  SourceSigning1764237600000,
  Feeds1764241200000,
  NearDuplicates1764244800000,
  FeedFullText1764248400000,
  Subscriptions1764300000000,
  ArticleSearch1764310000000,
  UpdateLog1764320000000,
  OutboxRetention1764330000000,
];

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

/** The schema is only ever changed by migrations: `synchronize` stays off. */
export function createDataSource({
  url,
  poolSize = 10,
  applicationName = 'newsflow',
}: DatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    poolSize,
    applicationName,
    extra: { connectionTimeoutMillis: 5_000 },
  });
}

// Any constant works; it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK_KEY = 727_270_001;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so that services starting together
 * (or several replicas) never race to apply the same migration. Needs two pooled connections.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
