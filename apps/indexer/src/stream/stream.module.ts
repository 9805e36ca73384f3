import { Module } from '@nestjs/common';
import { StreamController } from './stream.controller';
import { StreamHub } from './stream.hub';
import { UpdateLogRepository } from './update-log.repository';

/** The live stream (`GET /v1/stream`): server-sent events from the stored update log. */
@Module({
  controllers: [StreamController],
  providers: [StreamHub, UpdateLogRepository],
})
export class StreamModule {}
