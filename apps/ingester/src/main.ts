import 'reflect-metadata';
import { loadConfig } from '@newsflow/config';
import { exitOnStartupFailure, startService } from '@newsflow/platform';
import { IngesterConfigSchema } from './ingester.config';
import { IngesterModule } from './ingester.module';

async function main(): Promise<void> {
  const config = loadConfig(IngesterConfigSchema);
  await startService({
    name: 'ingester',
    module: IngesterModule.forRoot(config),
    host: config.HOST,
    port: config.INGESTER_PORT,
    logLevel: config.LOG_LEVEL,
    bodyLimitBytes: config.INGEST_MAX_BODY_BYTES,
  });
}

main().catch(exitOnStartupFailure('ingester'));
