import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Per feed: fetch each item's page and extract its main text (feeds that carry only summaries). */
export class FeedFullText1764248400000 implements MigrationInterface {
  name = 'FeedFullText1764248400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE feeds ADD COLUMN full_text boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE feeds DROP COLUMN full_text`);
  }
}
