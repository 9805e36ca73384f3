import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type StoredVersion } from './version-decision';

export interface LedgerKey {
  articleId: string;
  uri: string;
}

export interface LedgerWrite extends StoredVersion {
  articleId: string;
}

interface LedgerRow {
  article_id: string;
  version: number;
  content_hash: string;
  pub_status: string;
  version_created: Date;
}

const toStored = (rows: LedgerRow[]): Map<string, StoredVersion> =>
  new Map(
    rows.map((row) => [
      row.article_id,
      {
        version: row.version,
        contentHash: row.content_hash,
        pubStatus: row.pub_status,
        versionCreated: row.version_created,
      },
    ]),
  );

/** All access to ingest_ledger: the per-article version counter and content hash. */
@Injectable()
export class IngestLedgerRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one transaction holding a row lock on every given article, so that concurrent
   * pushes of the same story are numbered and published strictly one after the other. New articles
   * get a version-0 placeholder row first: it is what a concurrent push waits on. Locks are taken in
   * id order so that two batches never deadlock. If `work` throws (Kafka did not acknowledge), the
   * whole transaction rolls back and nothing is recorded.
   */
  async withLockedArticles<T>(
    sourceId: string,
    keys: LedgerKey[],
    work: (
      stored: Map<string, StoredVersion>,
      save: (rows: LedgerWrite[]) => Promise<void>,
      manager: EntityManager,
    ) => Promise<T>,
  ): Promise<T> {
    const unique = [...new Map(keys.map((key) => [key.articleId, key])).values()].sort((a, b) =>
      a.articleId < b.articleId ? -1 : 1,
    );
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO ingest_ledger (article_id, source_id, uri, version, content_hash, pub_status, version_created)
         SELECT id, $3, uri, 0, '', 'usable', 'epoch'::timestamptz FROM unnest($1::text[], $2::text[]) AS t (id, uri)
         ON CONFLICT (article_id) DO NOTHING`,
        [unique.map((k) => k.articleId), unique.map((k) => k.uri), sourceId],
      );
      const rows = await manager.query<LedgerRow[]>(
        `SELECT article_id, version, content_hash, pub_status, version_created FROM ingest_ledger
         WHERE article_id = ANY($1::text[]) ORDER BY article_id FOR UPDATE`,
        [unique.map((k) => k.articleId)],
      );
      const stored = toStored(rows);
      return work(stored, (writes) => this.save(manager, writes), manager);
    });
  }

  /** The stored versions of these articles, read without locks (for dry runs). */
  async peek(articleIds: string[]): Promise<Map<string, StoredVersion>> {
    const rows = await this.dataSource.query<LedgerRow[]>(
      `SELECT article_id, version, content_hash, pub_status, version_created FROM ingest_ledger
       WHERE article_id = ANY($1::text[]) AND version > 0`,
      [articleIds],
    );
    return toStored(rows);
  }

  private async save(manager: EntityManager, writes: LedgerWrite[]): Promise<void> {
    if (writes.length === 0) return;
    await manager.query(
      `UPDATE ingest_ledger AS l SET version = w.version, content_hash = w.hash, pub_status = w.status,
              version_created = w.created, updated_at = now()
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::timestamptz[]) AS w (id, version, hash, status, created)
       WHERE l.article_id = w.id`,
      [
        writes.map((w) => w.articleId),
        writes.map((w) => w.version),
        writes.map((w) => w.contentHash),
        writes.map((w) => w.pubStatus),
        writes.map((w) => w.versionCreated.toISOString()),
      ],
    );
  }
}
