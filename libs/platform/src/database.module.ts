import { type DynamicModule, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '@newsflow/persistence';
import { type HealthIndicator } from './health.controller';

export interface DatabaseModuleOptions {
  url: string;
  poolSize: number;
  applicationName: string;
}

@Injectable()
class DataSourceLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

@Injectable()
export class DatabaseHealthIndicator implements HealthIndicator {
  readonly name = 'postgres';
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  check = async (): Promise<void> => {
    await this.dataSource.query('SELECT 1');
  };
}

/** One TypeORM DataSource per process, migrated (under an advisory lock) before the app starts. */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = await createDataSource({
              ...options,
              poolSize: Math.max(2, options.poolSize),
            }).initialize();
            await runMigrations(dataSource);
            return dataSource;
          },
        },
        DataSourceLifecycle,
        DatabaseHealthIndicator,
      ],
      exports: [DataSource, DatabaseHealthIndicator],
    };
  }
}
