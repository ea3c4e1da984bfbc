import type { EventFilter } from '@tic/contracts';
import type { ListScope } from '@tic/domain';

/** The `and …` clause of a filter over `feed_event` (empty lists do not filter), and its parameters. */
export function feedFilterSql(filter: EventFilter, alias = ''): { sql: string; params: unknown[] } {
  const column = (name: string) => (alias === '' ? name : `${alias}.${name}`);
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.types.length > 0) {
    clauses.push(`${column('type')} = any(array[?]::text[])`);
    params.push(filter.types);
  }
  if (filter.centerIds.length > 0) {
    clauses.push(`${column('center_id')} = any(array[?]::uuid[])`);
    params.push(filter.centerIds);
  }
  if (filter.cityCodes.length > 0) {
    clauses.push(`${column('city_code')} = any(array[?]::text[])`);
    params.push(filter.cityCodes);
  }
  return { sql: clauses.map((clause) => `and ${clause}`).join(' '), params };
}

/**
 * The application events a reader may see: those of applications it may read at the event's step
 * (DOMAIN.md §1: the committee office none before approval; an agency none at all).
 */
export function applicationScopeSql(scope: ListScope, alias = ''): { sql: string; params: unknown[] } {
  const column = (name: string) => (alias === '' ? name : `${alias}.${name}`);
  if ('all' in scope) return { sql: '', params: [] };
  const notApplication = `${column('type')} not like 'tic.application.%'`;
  if ('statusIn' in scope) {
    return {
      sql: `and (${notApplication} or ${column('application_status')} = any(array[?]::text[]))`,
      params: [scope.statusIn],
    };
  }
  return { sql: `and ${notApplication}`, params: [] };
}
