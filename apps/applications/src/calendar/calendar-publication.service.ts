import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import { CalendarYearPublished, LoadCalendarYear, type calendarYearSchema } from '@tic/contracts';
import { bundledCalendar, validateYearSchedule } from '@tic/domain';
import { CalendarService } from '@tic/deadlines';
import { type Caller, eventActor, EventOutbox, requireAccess, RpcFailure, stableId, UnitOfWork } from '@tic/platform';

type CalendarYearDto = z.output<typeof calendarYearSchema>;

/**
 * DST loads a newly published holiday schedule. This service owns the publication: it emits the
 * event, and every service (this one too) applies it to its copy through its event consumer.
 */
@Injectable()
export class CalendarPublicationService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly outbox: EventOutbox,
    private readonly calendar: CalendarService,
  ) {}

  async load(input: z.output<typeof LoadCalendarYear.request>, caller: Caller): Promise<CalendarYearDto> {
    requireAccess(caller, 'calendar.load', { kind: 'calendar' });
    const schedule = {
      year: input.year,
      holidays: [...new Set(input.holidays)].sort(),
      workdays: [...new Set(input.workdays)].sort(),
    };
    const problems = validateYearSchedule(schedule);
    if (problems.length > 0)
      throw RpcFailure.invalidInput(problems.map((p) => ({ path: p.path, message: p.message.en })));
    const subject = stableId(`calendar-year-${input.year}`);
    const loadedAt = new Date().toISOString();
    return this.uow.run(LoadCalendarYear, input, async (scope) => {
      const { em } = scope;
      // Two loads of the same year at once must not both take the next event number.
      await em.execute('select pg_advisory_xact_lock(hashtext(?))', [subject]);
      const published = await this.outbox.recordedAbout(em, subject);
      scope.record(CalendarYearPublished, {
        subject,
        aggregateVersion: published + 1,
        data: { ...schedule, actor: eventActor(caller) },
      });
      return { ...schedule, source: 'loaded' as const, loadedAt };
    });
  }

  async years(): Promise<{ years: CalendarYearDto[] }> {
    const loaded = await this.calendar.storedYears(this.em());
    const bundled = bundledCalendar();
    const years = bundled.publishedYears
      .filter((year) => !loaded.some((l) => l.year === year))
      .map((year): CalendarYearDto => {
        const schedule = bundled.schedule(year);
        return {
          year,
          holidays: [...(schedule?.holidays ?? [])],
          workdays: [...(schedule?.workdays ?? [])],
          source: 'bundled',
          loadedAt: null,
        };
      });
    for (const row of loaded) {
      years.push({
        year: row.year,
        holidays: row.holidays,
        workdays: row.workdays,
        source: 'loaded',
        loadedAt: row.loadedAt.toISOString(),
      });
    }
    return { years: years.sort((a, b) => a.year - b.year) };
  }

  private em(): EntityManager {
    return this.entityManager.fork();
  }
}
