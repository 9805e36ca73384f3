import { type DynamicModule, Module } from '@nestjs/common';

/** Makes an app's validated config injectable everywhere under its token. */
@Module({})
export class AppConfigModule {
  static forRoot<T>(token: symbol, config: T): DynamicModule {
    return {
      module: AppConfigModule,
      global: true,
      providers: [{ provide: token, useValue: config }],
      exports: [token],
    };
  }
}
