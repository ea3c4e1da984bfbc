import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import {
  CenterStatistics,
  ExportCenters,
  GetAnnouncement,
  ListAnnouncements,
  ListPublicCenters,
  RenderAnnouncementPdf,
} from '@tic/contracts';
import { type Caller, CurrentCaller, type In, RpcHandler } from '@tic/platform';

import { CenterRegistryExportService } from './center-registry-export.service';
import { PublicDirectoryService } from './public-directory.service';

/** NATS handlers of the public record (read without a token) and of DST's registry export and statistics. */
@Controller()
export class PublicRecordHandlers {
  constructor(
    private readonly directory: PublicDirectoryService,
    private readonly registry: CenterRegistryExportService,
  ) {}

  @RpcHandler(ListPublicCenters)
  centers(@Payload() input: In<typeof ListPublicCenters>) {
    return this.directory.centers(input);
  }

  @RpcHandler(ListAnnouncements)
  announcements(@Payload() input: In<typeof ListAnnouncements>) {
    return this.directory.announcements(input);
  }

  @RpcHandler(GetAnnouncement)
  announcement(@Payload() input: In<typeof GetAnnouncement>) {
    return this.directory.announcement(input.id);
  }

  @RpcHandler(RenderAnnouncementPdf)
  pdf(@Payload() input: In<typeof RenderAnnouncementPdf>) {
    return this.directory.pdf(input.id);
  }

  @RpcHandler(ExportCenters)
  export(@Payload() input: In<typeof ExportCenters>, @CurrentCaller() caller: Caller) {
    return this.registry.export(input, caller);
  }

  @RpcHandler(CenterStatistics)
  statistics(@Payload() input: In<typeof CenterStatistics>, @CurrentCaller() caller: Caller) {
    return this.registry.statistics(input, caller);
  }
}
