import { type INestApplication, Logger, type LogLevel, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError } from '@newsflow/config';
import { DependencyUnavailableFilter } from './dependency-unavailable.filter';
import { type RegisteredRoute } from './api-documents/openapi-document';

export interface ServiceOptions {
  name: string;
  module: Type<unknown> | { module: Type<unknown> };
  host: string;
  port: number;
  logLevel: LogLevel;
  /** Largest request body accepted; larger ones get 413 before any handler runs. */
  bodyLimitBytes?: number;
  /** Keep each request's raw body as `request.rawBody` (to check signatures over the exact bytes). */
  rawBody?: boolean;
  /** Media types whose bodies reach handlers as the raw bytes (a Buffer), unparsed. */
  rawContentTypes?: string[];
}

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Starts a service on Fastify. On SIGTERM/SIGINT, Nest stops consumers first
 * (beforeApplicationShutdown), then closes the HTTP server after in-flight requests, then closes
 * the producer and the database (onApplicationShutdown).
 */
export async function startService(options: ServiceOptions): Promise<INestApplication> {
  const logger = new Logger(options.name);
  const app = await NestFactory.create<NestFastifyApplication>(
    options.module as Type<unknown>,
    new FastifyAdapter({ bodyLimit: options.bodyLimitBytes ?? 1024 * 1024, return503OnClosing: true }),
    {
      logger: LEVELS.slice(0, LEVELS.indexOf(options.logLevel) + 1),
      bufferLogs: false,
      rawBody: options.rawBody ?? false,
    },
  );
  recordRoutes(app);
  if (options.rawContentTypes?.length) {
    app
      .getHttpAdapter()
      .getInstance()
      .addContentTypeParser(options.rawContentTypes, { parseAs: 'buffer' }, (_request, body, done) =>
        done(null, body),
      );
  }
  app.useGlobalFilters(new DependencyUnavailableFilter());
  await app.listen(options.port, options.host);
  logger.log(`${options.name} listening on http://${options.host}:${options.port}`);
  stopOnSignals(app, logger);
  return app;
}

const routesByApp = new WeakMap<INestApplication, RegisteredRoute[]>();

/** Remembers every route Fastify registers (Nest registers them when the app initialises, after this). */
function recordRoutes(app: NestFastifyApplication): void {
  const routes: RegisteredRoute[] = [];
  routesByApp.set(app, routes);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) routes.push({ method, url: route.url });
    });
}

/** Every route the service serves, as Fastify registered it: the OpenAPI specs check each is documented. */
export const registeredRoutes = (app: INestApplication): RegisteredRoute[] => [
  ...(routesByApp.get(app) ?? []),
];

/**
 * SIGTERM/SIGINT close the app (Nest's shutdown hooks run in the order described above) and exit 0,
 * so a supervisor can tell a clean stop (exit 0) from a crash. A second signal (more than a second
 * after the first) exits at once.
 */
function stopOnSignals(app: INestApplication, logger: Logger): void {
  let stopping = false;
  let firstSignalAt = 0;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A terminal's Ctrl-C reaches the whole process group while a supervisor (npm start) forwards
      // its own SIGTERM: a second signal within a second is that echo, not an operator's insistence.
      if (Date.now() - firstSignalAt < 1_000) return;
      logger.warn(`${signal} again: exiting without finishing`);
      process.exit(1);
    }
    stopping = true;
    firstSignalAt = Date.now();
    const started = Date.now();
    logger.log(`${signal}: finishing in-flight work`);
    app.close().then(
      () => {
        logger.log(`stopped cleanly in ${Date.now() - started} ms`);
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
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
