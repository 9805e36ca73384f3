import 'reflect-metadata';
import { loadConfig } from '@newsflow/config';
import { exitOnStartupFailure, startService } from '@newsflow/platform';
import { EnricherConfigSchema } from './enricher.config';
import { EnricherModule } from './enricher.module';

async function main(): Promise<void> {
  const config = loadConfig(EnricherConfigSchema);
  await startService({
    name: 'enricher',
    module: EnricherModule.forRoot(config),
    host: config.HOST,
    port: config.ENRICHER_PORT,
    logLevel: config.LOG_LEVEL,
  });
}

main().catch(exitOnStartupFailure('enricher'));
