import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { ListFeedEvents } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import type { RpcInput } from '../api/rpc-input';
import { Input } from '../routing/input.decorator';
import { Route, RpcRoute } from '../routing/route.decorator';
import { eventsPageSchema, eventsQuerySchema, type EventsQuery } from './events.schemas';
import { JournalReader } from './journal-reader.service';

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(
    private readonly journal: JournalReader,
    private readonly rpc: RpcClient,
  ) {}

  // CONTRACT.md (Events, way 3): one position space, the same as a webhook subscription's replay.
  @RpcRoute('GET', '', ListFeedEvents, { access: ['dst_admin', 'committee_office', 'agency'] })
  feed(@Input() input: RpcInput<typeof ListFeedEvents>) {
    return this.rpc.request(ListFeedEvents, input);
  }

  @Route('GET', 'journal', {
    summary:
      'Every service’s own event journal, merged by event time, with a cursor: the record behind the stream, for DST and the committee office when the feed is in doubt',
    access: ['dst_admin', 'committee_office'],
    forwards: true,
    request: eventsQuerySchema,
    response: eventsPageSchema,
  })
  list(@Input() query: EventsQuery) {
    return this.journal.read(query);
  }
}
