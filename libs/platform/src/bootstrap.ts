import { type INestApplication, Logger, type LogLevel, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError } from '@newsflow/config';
import { DependencyUnavailableFilter } from './dependency-unavailable.filter';

export interface ServiceOptions {
  name: string;
  module: Type<unknown> | { module: Type<unknown> };
  host: string;
  port: number;
  logLevel: LogLevel;
  /** Largest request body accepted; larger ones get 413 before any handler runs. */
  bodyLimitBytes?: number;
}

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Starts a service on Fastify with shutdown hooks: on SIGTERM/SIGINT Nest stops consumers first
 * (beforeApplicationShutdown), then closes the HTTP server after in-flight requests, then closes
 * the producer and the database (onApplicationShutdown).
 */
export async function startService(options: ServiceOptions): Promise<INestApplication> {
  const logger = new Logger(options.name);
  const app = await NestFactory.create<NestFastifyApplication>(
    options.module as Type<unknown>,
    new FastifyAdapter({ bodyLimit: options.bodyLimitBytes ?? 1024 * 1024, return503OnClosing: true }),
    { logger: LEVELS.slice(0, LEVELS.indexOf(options.logLevel) + 1), bufferLogs: false },
  );
  app.useGlobalFilters(new DependencyUnavailableFilter());
  app.enableShutdownHooks();
  await app.listen(options.port, options.host);
  logger.log(`${options.name} listening on http://${options.host}:${options.port}`);
  return app;
}

/** For main.ts: a config error prints its list of bad variables and exits 1, without a stack trace. */
export function exitOnStartupFailure(name: string) {
  return (error: unknown): never => {
    const message =
      error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error);
    process.stderr.write(`${name} failed to start: ${message}\n`);
    process.exit(1);
  };
}
