import { Kafka, logLevel, type LogEntry, type logCreator } from 'kafkajs';

export interface KafkaLogger {
  error(message: string): void;
  warn(message: string): void;
  log(message: string): void;
}

export interface KafkaConnectionOptions {
  brokers: string[];
  clientId: string;
  logger?: KafkaLogger;
}

/** kafkajs logs through the app's logger; INFO chatter (joins, rebalances) is kept at debug level. */
const toLogCreator =
  (logger: KafkaLogger): logCreator =>
  () =>
  ({ level, log }: LogEntry) => {
    const { message, error } = log as { message: string; error?: string };
    const line = error ? `${message}: ${error}` : message;
    if (level === logLevel.ERROR) logger.error(line);
    else if (level === logLevel.WARN) logger.warn(line);
  };

export function createKafka({ brokers, clientId, logger }: KafkaConnectionOptions): Kafka {
  return new Kafka({
    clientId,
    brokers,
    connectionTimeout: 3_000,
    requestTimeout: 5_000,
    logLevel: logLevel.WARN,
    ...(logger ? { logCreator: toLogCreator(logger) } : {}),
  });
}

export const parseBrokers = (value: string): string[] =>
  value
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
