import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface SourceRow {
  id: string;
  name: string;
  signing_secret: string | null;
}

export interface SourceDetails {
  id: string;
  name: string;
  signed: boolean;
  createdAt: string;
  keys: Array<{ id: string; createdAt: string; revokedAt: string | null }>;
}

/** A key's public id: the start of its hash, enough to name it without revealing it. */
export const KEY_ID_LENGTH = 16;

/** All access to the sources and api_keys tables. */
@Injectable()
export class SourcesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The source a key hash belongs to, if neither the key nor the source is revoked. */
  async findActiveByKeyHash(keyHash: string): Promise<SourceRow | undefined> {
    const rows = await this.dataSource.query<SourceRow[]>(
      `SELECT s.id, s.name, s.signing_secret FROM api_keys k JOIN sources s ON s.id = k.source_id
       WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND s.revoked_at IS NULL`,
      [keyHash],
    );
    return rows[0];
  }

  /**
   * Creates the source if it is new and adds the key to it; other keys of the source stay valid.
   * Returns false when the key already belongs to a different source (it is left with that one).
   */
  async register(
    id: string,
    name: string,
    keyHash: string,
    signingSecret: string | null = null,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO sources (id, name, signing_secret) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, revoked_at = NULL`,
        [id, name, signingSecret],
      );
      const owners = await manager.query<Array<{ source_id: string }>>(
        `INSERT INTO api_keys (key_hash, source_id) VALUES ($1, $2)
         ON CONFLICT (key_hash) DO UPDATE SET revoked_at = NULL WHERE api_keys.source_id = EXCLUDED.source_id
         RETURNING source_id`,
        [keyHash, id],
      );
      return owners.length === 1;
    });
  }

  /** Creates a new source; false if the id is taken. */
  async create(id: string, name: string, keyHash: string, signingSecret: string | null): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const created = await manager.query<unknown[]>(
        `INSERT INTO sources (id, name, signing_secret) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [id, name, signingSecret],
      );
      if (created.length === 0) return false;
      await manager.query(`INSERT INTO api_keys (key_hash, source_id) VALUES ($1, $2)`, [keyHash, id]);
      return true;
    });
  }

  async addKey(sourceId: string, keyHash: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO api_keys (key_hash, source_id) VALUES ($1, $2)`, [
      keyHash,
      sourceId,
    ]);
  }

  /** Revokes one key of a source by its public id; false if there is no such active key. */
  async revokeKey(sourceId: string, keyId: string): Promise<boolean> {
    // Wrapped in a SELECT: for a bare UPDATE … RETURNING, TypeORM answers [rows, count], not rows.
    const rows = await this.dataSource.query<unknown[]>(
      `WITH revoked AS (
         UPDATE api_keys SET revoked_at = now()
         WHERE source_id = $1 AND left(key_hash, ${KEY_ID_LENGTH}) = $2 AND revoked_at IS NULL
         RETURNING key_hash)
       SELECT key_hash FROM revoked`,
      [sourceId, keyId],
    );
    return rows.length > 0;
  }

  async details(id: string): Promise<SourceDetails | undefined> {
    const sources = await this.dataSource.query<
      Array<{ id: string; name: string; signed: boolean; created_at: Date }>
    >(
      `SELECT id, name, signing_secret IS NOT NULL AS signed, created_at FROM sources
       WHERE id = $1 AND revoked_at IS NULL`,
      [id],
    );
    const source = sources[0];
    if (!source) return undefined;
    const keys = await this.dataSource.query<
      Array<{ id: string; created_at: Date; revoked_at: Date | null }>
    >(
      `SELECT left(key_hash, ${KEY_ID_LENGTH}) AS id, created_at, revoked_at FROM api_keys
       WHERE source_id = $1 ORDER BY created_at`,
      [id],
    );
    return {
      id: source.id,
      name: source.name,
      signed: source.signed,
      createdAt: source.created_at.toISOString(),
      keys: keys.map((k) => ({
        id: k.id,
        createdAt: k.created_at.toISOString(),
        revokedAt: k.revoked_at?.toISOString() ?? null,
      })),
    };
  }
}
