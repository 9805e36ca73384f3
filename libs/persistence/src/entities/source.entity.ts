import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A newsroom system that pushes articles. Its API key is stored only as a SHA-256 hash. */
@Entity({ name: 'sources' })
export class SourceEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'api_key_hash', type: 'text', unique: true })
  apiKeyHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
