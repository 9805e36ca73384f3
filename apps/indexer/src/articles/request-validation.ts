import { type Static, type TObject } from '@sinclair/typebox';
import { createValidator } from '@newsflow/contracts';
import { badRequest } from '@newsflow/platform';

/**
 * A validator for a route's path or query parameters, from the same TypeBox schema the OpenAPI document
 * shows. Parameters arrive as strings: those the schema declares integer are read as numbers first
 * (only when they are plain digits, so `limit=2x` is still refused, naming /limit). A repeated
 * parameter arrives as an array and is refused by its string schema.
 */
export function parameterParser<S extends TObject>(schema: S, what: string) {
  const validate = createValidator(schema);
  const integers = new Set(
    Object.entries(schema.properties)
      .filter(([, property]) => (property as { type?: unknown }).type === 'integer')
      .map(([name]) => name),
  );
  return (raw: unknown): Static<S> => {
    const input: Record<string, unknown> = { ...(raw as Record<string, unknown> | undefined) };
    for (const name of integers) {
      const value = input[name];
      if (typeof value === 'string' && /^-?[0-9]{1,15}$/.test(value)) input[name] = Number(value);
    }
    const result = validate(input);
    if (!result.ok) throw badRequest(`invalid ${what}`, result.errors);
    return result.value;
  };
}
