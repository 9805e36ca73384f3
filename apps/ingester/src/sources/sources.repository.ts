import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SourceEntity } from '@newsflow/persistence';

/** All access to the sources table. */
@Injectable()
export class SourcesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  findActiveByKeyHash(apiKeyHash: string): Promise<SourceEntity | null> {
    return this.dataSource
      .getRepository(SourceEntity)
      .createQueryBuilder('source')
      .where('source.apiKeyHash = :apiKeyHash AND source.revokedAt IS NULL', { apiKeyHash })
      .getOne();
  }

  /** Creates the source or gives it this key hash; revives it if it was revoked. */
  async upsert(id: string, name: string, apiKeyHash: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO sources (id, name, api_key_hash) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, api_key_hash = EXCLUDED.api_key_hash, revoked_at = NULL`,
      [id, name, apiKeyHash],
    );
  }
}
