import { Module } from '@nestjs/common';
import { ApiKeyGuard } from './api-key.guard';
import { SourcesRepository } from './sources.repository';
import { SourcesService } from './sources.service';

@Module({
  providers: [SourcesRepository, SourcesService, ApiKeyGuard],
  exports: [SourcesService, ApiKeyGuard],
})
export class SourcesModule {}
