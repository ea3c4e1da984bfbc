import { CalendarYear } from './calendar-year.entity';
import { Deadline } from './deadline.entity';
import { DeadlineReminder } from './deadline-reminder.entity';

/** The tables a service that owns deadlines adds to its ORM configuration (and its migrations). */
export const DEADLINE_ENTITIES = [Deadline, DeadlineReminder, CalendarYear];
