export { ConfigError, loadConfig } from './config-loader';
export { DatabaseEnv, KafkaEnv, LogEnv, port } from './common-env';
