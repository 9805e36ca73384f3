import { Type, type Static } from '@sinclair/typebox';

/** One problem with one request field: `path` is a JSON Pointer (`/limit`, `/id`, `/3/headline`). */
export const FieldErrorSchema = Type.Object({
  path: Type.String({ description: 'JSON Pointer to the field: a query parameter is `/<name>`' }),
  message: Type.String(),
});

/** The body of every 4xx/5xx answer: Nest's shape, with `errors` naming each bad field where known. */
export const ErrorResponseSchema = Type.Object({
  statusCode: Type.Integer(),
  error: Type.Optional(Type.String()),
  message: Type.Union([Type.String(), Type.Array(Type.String())]),
  errors: Type.Optional(Type.Array(FieldErrorSchema)),
});
export type ErrorResponse = Static<typeof ErrorResponseSchema>;

/** A documented error answer. */
export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': ErrorResponseSchema },
});
