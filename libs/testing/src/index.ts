export { ServiceProcess } from './service-process';
export { TopicReader, type ReadMessage } from './topic-reader';
export { eventually, sleep, testEnv, uniqueSuffix } from './test-env';
