export { ConfigError, loadConfig } from './config-loader';
export { DatabaseEnv, KafkaEnv, LogEnv, bullmqRedisEnv, outboundAllowlistEnv, port } from './common-env';
