import { type ApiOperation, errorResponse } from '@newsflow/platform';
import {
  EntityDetailsSchema,
  EntityIdParamsSchema,
  EntityMatchesSchema,
  EntitySearchQuerySchema,
} from './entities.schemas';

export const entitiesOperations: ApiOperation[] = [
  {
    method: 'GET',
    path: '/v1/entities',
    operationId: 'searchEntities',
    summary: 'Entities whose name or an alias starts with `q` (case-insensitive), with counts',
    tags: ['entities'],
    query: EntitySearchQuerySchema,
    responses: {
      200: { description: 'Matching entities', content: { 'application/json': EntityMatchesSchema } },
      400: errorResponse('A parameter is invalid; `errors` names each one'),
    },
  },
  {
    method: 'GET',
    path: '/v1/entities/:id',
    operationId: 'getEntity',
    summary: 'One entity: name, type, ids, counts and the latest articles mentioning it',
    tags: ['entities'],
    params: EntityIdParamsSchema,
    responses: {
      200: { description: 'The entity', content: { 'application/json': EntityDetailsSchema } },
      400: errorResponse('Malformed id'),
      404: errorResponse('No such entity'),
    },
  },
];
