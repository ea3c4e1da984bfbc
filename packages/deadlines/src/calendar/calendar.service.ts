import { MikroORM, type EntityManager } from '@mikro-orm/core';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';

import { bundledCalendar, validateYearSchedule, type HolidayCalendar, type YearSchedule } from '@tic/domain';

import { Clock } from '../clock/clock';
import { CalendarYear } from '../entities/calendar-year.entity';

/**
 * The service's holiday calendar: the bundled years plus every year stored in its calendar_year
 * table. Each read compares the stored years with the ones in memory, so that an instance that did
 * not consume tic.calendar.year_published itself still counts with the new year.
 */
@Injectable()
export class CalendarService implements OnApplicationBootstrap {
  private calendar: HolidayCalendar = bundledCalendar();
  private loadedKey = '[]';

  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.load(this.orm.em.fork());
  }

  /** The calendar as last loaded. */
  get current(): HolidayCalendar {
    return this.calendar;
  }

  /** Reads the stored years through `em` (so a transaction sees its own writes) and rebuilds on change. */
  async load(em: EntityManager): Promise<HolidayCalendar> {
    const rows = await this.storedYears(em);
    const key = JSON.stringify(rows.map((row) => [row.year, row.holidays, row.workdays]));
    if (key !== this.loadedKey) {
      this.calendar = rows.reduce<HolidayCalendar>((calendar, row) => calendar.withYear(row), bundledCalendar());
      this.loadedKey = key;
    }
    return this.calendar;
  }

  /** The years loaded into this service's store (DST's published schedules), in year order, read afresh. */
  storedYears(em: EntityManager): Promise<CalendarYear[]> {
    return em.find(CalendarYear, {}, { orderBy: { year: 'asc' }, disableIdentityMap: true });
  }

  /** Stores a year's schedule in `em`'s transaction; false when exactly this schedule is stored already. */
  async store(em: EntityManager, schedule: YearSchedule): Promise<boolean> {
    const problems = validateYearSchedule(schedule);
    if (problems.length > 0) {
      throw new RangeError(
        `invalid holiday schedule for ${schedule.year}: ${problems.map((p) => `${p.path}: ${p.message.en}`).join('; ')}`,
      );
    }
    const holidays = [...new Set(schedule.holidays)].sort();
    const workdays = [...new Set(schedule.workdays)].sort();
    const stored = await em.findOne(CalendarYear, { year: schedule.year });
    if (stored && sameDays(stored.holidays, holidays) && sameDays(stored.workdays, workdays)) return false;
    if (stored) Object.assign(stored, { holidays, workdays, loadedAt: this.clock.now() });
    else em.persist(em.create(CalendarYear, { year: schedule.year, holidays, workdays, loadedAt: this.clock.now() }));
    await em.flush();
    return true;
  }
}

function sameDays(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((day, i) => day === b[i]);
}
