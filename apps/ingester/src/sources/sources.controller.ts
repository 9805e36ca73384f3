import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { Type } from '@sinclair/typebox';
import { createValidator } from '@newsflow/contracts';
import { badRequest } from '@newsflow/platform';
import { AdminKeyGuard } from './admin-key.guard';
import { SourcesService } from './sources.service';

const SOURCE_ID = '^[a-z0-9][a-z0-9-]{1,62}$';

export const CreateSourceSchema = Type.Object(
  {
    id: Type.String({ pattern: SOURCE_ID, description: 'lower-case letters, digits and dashes' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    signed: Type.Optional(Type.Boolean({ description: 'require Standard Webhooks signatures on pushes' })),
  },
  { additionalProperties: false },
);
const validateCreateSource = createValidator(CreateSourceSchema);

/** Newsroom systems as sources: created with a first key, keys added (rotation) and revoked. */
@Controller('v1/sources')
@UseGuards(AdminKeyGuard)
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  /** 201 with the API key (and signing secret): shown this once, stored only hashed (the key). */
  @Post()
  async create(@Body() body: unknown) {
    const result = validateCreateSource(body);
    if (!result.ok) throw badRequest('invalid source', result.errors);
    return this.sources.create(result.value.id, result.value.name, result.value.signed ?? false);
  }

  @Get(':id')
  details(@Param('id') id: string) {
    return this.sources.details(id);
  }

  @Post(':id/keys')
  addKey(@Param('id') id: string) {
    return this.sources.addKey(id);
  }

  @Delete(':id/keys/:keyId')
  @HttpCode(204)
  async revokeKey(@Param('id') id: string, @Param('keyId') keyId: string): Promise<void> {
    await this.sources.revokeKey(id, keyId);
  }
}
