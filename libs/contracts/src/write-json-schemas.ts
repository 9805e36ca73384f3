import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderJsonSchemas } from './json-schema-files';

// Run by `npm run schemas`: writes libs/contracts/schemas/*.json from the TypeBox definitions.
const outDir = join(__dirname, '..', 'schemas');
mkdirSync(outDir, { recursive: true });
for (const [name, content] of Object.entries(renderJsonSchemas())) {
  writeFileSync(join(outDir, name), content);
  process.stderr.write(`wrote ${join(outDir, name)}\n`);
}
