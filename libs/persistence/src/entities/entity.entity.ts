import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person, organisation, place or other named thing, under its canonical id. */
@Entity({ name: 'entities' })
export class NamedEntityEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'first_seen_at', type: 'timestamptz' })
  firstSeenAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
