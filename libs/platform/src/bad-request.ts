import { BadRequestException } from '@nestjs/common';
import { type FieldError } from '@newsflow/contracts';

/**
 * The one shape of a 400 on every route (`errorResponse` in the OpenAPI documents describes it):
 * a message, and every bad field by its JSON pointer with the reason.
 */
export const badRequest = (message: string, errors: FieldError[]): BadRequestException =>
  new BadRequestException({ statusCode: 400, error: 'Bad Request', message, errors });
