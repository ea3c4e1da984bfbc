import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { GetAnnouncement, ListAnnouncements, ListPublicCenters, RenderAnnouncementPdf } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { PDF } from '../http/media-types';
import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import { download } from './file-download';
import type { RpcInput } from './rpc-input';

/** The public record without a token (issue 11): the directory of centers and the announcements (公告). */
@ApiTags('public')
@Controller('public')
export class PublicRecordController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('GET', 'centers', ListPublicCenters, { access: 'public' })
  centers(@Input() input: RpcInput<typeof ListPublicCenters>) {
    return this.rpc.request(ListPublicCenters, input);
  }

  @RpcRoute('GET', 'announcements', ListAnnouncements, { access: 'public' })
  announcements(@Input() input: RpcInput<typeof ListAnnouncements>) {
    return this.rpc.request(ListAnnouncements, input);
  }

  @RpcRoute('GET', 'announcements/:id', GetAnnouncement, { access: 'public' })
  announcement(@Input() input: RpcInput<typeof GetAnnouncement>) {
    return this.rpc.request(GetAnnouncement, input);
  }

  @RpcRoute('GET', 'announcements/:id/pdf', RenderAnnouncementPdf, { access: 'public', response: 'pdf' })
  async pdf(@Input() input: RpcInput<typeof RenderAnnouncementPdf>) {
    return download(await this.rpc.request(RenderAnnouncementPdf, input), PDF);
  }
}
