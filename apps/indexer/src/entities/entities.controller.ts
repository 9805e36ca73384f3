import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { parameterParser } from '../articles/request-validation';
import {
  ENTITY_SEARCH_DEFAULT_LIMIT,
  EntityIdParamsSchema,
  EntitySearchQuerySchema,
  type EntityDetails,
  type EntityMatches,
} from './entities.schemas';
import { EntitiesService } from './entities.service';

const parseSearch = parameterParser(EntitySearchQuerySchema, 'query parameter');
const parseId = parameterParser(EntityIdParamsSchema, 'entity id');

@Controller('v1/entities')
export class EntitiesController {
  constructor(private readonly entities: EntitiesService) {}

  /** Prefix search on names and aliases, for autocompletion and for finding an id to filter by. */
  @Get()
  search(@Query() query: unknown): Promise<EntityMatches> {
    const { q, type, limit } = parseSearch(query);
    return this.entities.search(q, type, limit ?? ENTITY_SEARCH_DEFAULT_LIMIT);
  }

  @Get(':id')
  async details(@Param() params: unknown): Promise<EntityDetails> {
    const { id } = parseId(params);
    const entity = await this.entities.details(id);
    if (!entity) throw new NotFoundException(`no entity ${id}`);
    return entity;
  }
}
