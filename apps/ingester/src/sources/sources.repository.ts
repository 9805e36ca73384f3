import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface SourceRow {
  id: string;
  name: string;
}

/** All access to the sources and api_keys tables. */
@Injectable()
export class SourcesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The source a key hash belongs to, if neither the key nor the source is revoked. */
  async findActiveByKeyHash(keyHash: string): Promise<SourceRow | undefined> {
    const rows = await this.dataSource.query<SourceRow[]>(
      `SELECT s.id, s.name FROM api_keys k JOIN sources s ON s.id = k.source_id
       WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND s.revoked_at IS NULL`,
      [keyHash],
    );
    return rows[0];
  }

  /**
   * Creates the source if it is new and adds the key to it; other keys of the source stay valid.
   * Returns false when the key already belongs to a different source (it is left with that one).
   */
  async register(id: string, name: string, keyHash: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO sources (id, name) VALUES ($1, $2)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, revoked_at = NULL`,
        [id, name],
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
}
