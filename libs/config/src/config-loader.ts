import { type Static, type TObject } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** Raised when the environment does not satisfy an app's config schema; names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment against one schema per app, once, at start-up (house style rule 5).
 * Defaults are applied and strings are coerced to the declared types ("3001" → 3001), so the rest of
 * the code reads typed values and never touches process.env.
 */
export function loadConfig<T extends TObject>(schema: T, env: NodeJS.ProcessEnv = process.env): Static<T> {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties)) {
    const raw = env[key];
    if (raw !== undefined && raw !== '') picked[key] = raw;
  }
  const candidate = Value.Convert(schema, Value.Default(schema, picked));
  const problems = [...Value.Errors(schema, candidate)].map((error) => {
    const name = error.path.replace(/^\//, '') || '(root)';
    const description = (schema.properties[name] as { description?: string } | undefined)?.description;
    return `${name}: ${error.message}${description ? ` (${description})` : ''}`;
  });
  if (problems.length > 0) throw new ConfigError([...new Set(problems)]);
  return candidate as Static<T>;
}
