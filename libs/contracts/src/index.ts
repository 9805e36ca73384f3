export { deterministicEventId } from './event-id';
export * from './events';
export * from './topics';
export * from './validation';
export { renderJsonSchemas } from './json-schema-files';
