/** The two wake-ups of a deadline: the instant it falls due, and each reminder. */
export type DeadlineJobName = 'due' | 'remind';

/** What a job carries; `on` is the date it was derived from, so a moved date replaces the job. */
export interface DeadlineJobData {
  readonly deadlineId: string;
  readonly daysBefore?: number;
  readonly on: string;
}

// Job ids derive from the row so that deriving a job twice adds it once. BullMQ refuses ':' in ids.
/** The id of the job that fires a deadline. */
export function dueJobId(deadlineId: string): string {
  return `${deadlineId}-due`;
}

/** The id of the job that sends one reminder of a deadline. */
export function reminderJobId(deadlineId: string, daysBefore: number): string {
  return `${deadlineId}-remind-${daysBefore}`;
}

/** The queue of a service's deadlines. */
export function deadlineQueueName(service: string): string {
  return `deadlines-${service}`;
}
