import 'reflect-metadata';
import { loadConfig } from '@newsflow/config';
import { exitOnStartupFailure, startService } from '@newsflow/platform';
import { IndexerConfigSchema } from './indexer.config';
import { IndexerModule } from './indexer.module';

async function main(): Promise<void> {
  const config = loadConfig(IndexerConfigSchema);
  await startService({
    name: 'indexer',
    module: IndexerModule.forRoot(config),
    host: config.HOST,
    port: config.INDEXER_PORT,
    logLevel: config.LOG_LEVEL,
  });
}

main().catch(exitOnStartupFailure('indexer'));
