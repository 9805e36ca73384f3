import { Module } from '@nestjs/common';
import { AdminKeyGuard } from './admin-key.guard';
import { ApiKeyGuard } from './api-key.guard';
import { SourcesController } from './sources.controller';
import { SourcesRepository } from './sources.repository';
import { SourcesService } from './sources.service';

@Module({
  controllers: [SourcesController],
  providers: [SourcesRepository, SourcesService, ApiKeyGuard, AdminKeyGuard],
  exports: [SourcesService, ApiKeyGuard],
})
export class SourcesModule {}
