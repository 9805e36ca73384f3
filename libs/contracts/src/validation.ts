import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { type Static, type TSchema } from '@sinclair/typebox';

/** One problem with one field: `path` is a JSON Pointer into the validated value ("" is the root). */
export interface FieldError {
  path: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export interface Validator<T> {
  (value: unknown): ValidationResult<T>;
  readonly schema: TSchema;
}

// One Ajv instance for the process: compiled validators are cached on it.
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }), ['date-time', 'uuid', 'uri', 'email']);

function toFieldError(error: ErrorObject): FieldError {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    return { path: `${error.instancePath}/${String(params.additionalProperty)}`, message: 'is not allowed' };
  }
  if (error.keyword === 'required') {
    return { path: `${error.instancePath}/${String(params.missingProperty)}`, message: 'is required' };
  }
  if (error.keyword === 'const' && 'allowedValue' in params) {
    return { path: error.instancePath, message: `must be ${JSON.stringify(params.allowedValue)}` };
  }
  return { path: error.instancePath, message: error.message ?? 'is invalid' };
}

/** Drops ajv's noise for unions ("must match a schema in anyOf" after each branch's own complaint). */
function summarise(errors: readonly ErrorObject[]): FieldError[] {
  const unionPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const byPath = new Map<string, FieldError>();
  for (const error of errors) {
    if (error.keyword === 'anyOf') continue;
    const field = toFieldError(error);
    if (unionPaths.has(error.instancePath) && error.keyword === 'const') {
      const allowed = errors
        .filter((e) => e.keyword === 'const' && e.instancePath === error.instancePath)
        .map((e) => JSON.stringify((e.params as { allowedValue: unknown }).allowedValue));
      field.message = `must be one of ${allowed.join(', ')}`;
    }
    const key = `${field.path}\u0000${field.message}`;
    if (!byPath.has(key)) byPath.set(key, field);
  }
  return [...byPath.values()];
}

/** Compiles a validator for a TypeBox schema: one TypeScript type, one JSON Schema, one validator. */
export function createValidator<S extends TSchema>(schema: S): Validator<Static<S>> {
  const compiled: ValidateFunction = ajv.compile(schema);
  const validate = (value: unknown): ValidationResult<Static<S>> =>
    compiled(value)
      ? { ok: true, value: value as Static<S> }
      : { ok: false, errors: summarise(compiled.errors ?? []) };
  return Object.assign(validate, { schema });
}

/** "headline: must be string; /body_text: is required" — for logs, dead-letter headers and messages. */
export const describeErrors = (errors: readonly FieldError[]): string =>
  errors.map((e) => `${e.path || '(root)'}: ${e.message}`).join('; ');
