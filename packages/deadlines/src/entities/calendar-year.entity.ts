import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A year of the State Council's holiday schedule loaded after this build (tic.calendar.year_published).
 * Every service keeps its own copy, so that its deadlines never depend on another service being up.
 */
@Entity({ tableName: 'calendar_year' })
export class CalendarYear {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  year!: number;

  @Property({ type: 'jsonb' })
  holidays!: string[];

  @Property({ type: 'jsonb' })
  workdays!: string[];

  @Property({ type: 'timestamptz' })
  loadedAt!: Date;
}
