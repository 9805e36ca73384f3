import 'reflect-metadata';
import { loadConfig } from '@newsflow/config';
import { exitOnStartupFailure, startService } from '@newsflow/platform';
import { IngesterConfigSchema } from './ingester.config';
import { IngesterModule } from './ingester.module';

async function main(): Promise<void> {
  await startService(IngesterModule.serviceOptions(loadConfig(IngesterConfigSchema)));
}

main().catch(exitOnStartupFailure('ingester'));
