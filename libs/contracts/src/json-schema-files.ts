import { EventSchemasByTopic } from './events';

/**
 * The committed JSON Schema documents (libs/contracts/schemas/<topic>.json), for consumers in other
 * languages. Generated from the TypeBox definitions by `npm run schemas`; a unit test fails when the
 * committed files drift from the code.
 */
export function renderJsonSchemas(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [topic, schema] of Object.entries(EventSchemasByTopic)) {
    const document = { $schema: 'http://json-schema.org/draft-07/schema#', ...schema };
    files[`${topic}.json`] = `${JSON.stringify(document, null, 2)}\n`;
  }
  return files;
}
