import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { Input } from '../routing/input.decorator';
import { Route } from '../routing/route.decorator';
import { eventsPageSchema, eventsQuerySchema, type EventsQuery } from './events.schemas';
import { JournalReader } from './journal-reader.service';

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly journal: JournalReader) {}

  @Route('GET', '', {
    summary: 'Catch-up read of every service’s event journal, merged by event time, with a cursor (agencies)',
    access: ['dst_admin', 'committee_office'],
    forwards: true,
    request: eventsQuerySchema,
    response: eventsPageSchema,
  })
  list(@Input() query: EventsQuery) {
    return this.journal.read(query);
  }
}
