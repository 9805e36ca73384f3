import { loadConfig, DatabaseEnv } from '@newsflow/config';
import { Type } from '@sinclair/typebox';
import { createDataSource, runMigrations } from './data-source';

// `npm run migrate`: applies pending migrations to DATABASE_URL and says which.
async function main(): Promise<void> {
  const config = loadConfig(Type.Object(DatabaseEnv));
  const dataSource = await createDataSource({ url: config.DATABASE_URL, poolSize: 2 }).initialize();
  try {
    const applied = await runMigrations(dataSource);
    process.stderr.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
