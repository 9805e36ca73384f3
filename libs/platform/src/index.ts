export { badRequest } from './bad-request';
export { AppConfigModule } from './config.module';
export { exitOnStartupFailure, registeredRoutes, startService, type ServiceOptions } from './bootstrap';
export { DependencyUnavailableFilter, RETRY_AFTER_SECONDS } from './dependency-unavailable.filter';
export { DatabaseHealthIndicator, DatabaseModule, type DatabaseModuleOptions } from './database.module';
export { HEALTH_INDICATORS, HealthController, type HealthIndicator } from './health.controller';
export { KafkaHealthIndicator, KafkaModule, type KafkaModuleOptions } from './kafka.module';
export { MetricsController } from './metrics.controller';
export * from './api-documents';
