// pg-copy-streams 7 ships no types; the benchmark uses one function of it.
declare module 'pg-copy-streams' {
  import type { Submittable } from 'pg';
  import type { Writable } from 'node:stream';

  /** `COPY … FROM STDIN` as a writable stream, submitted with `client.query(from(sql))`. */
  export function from(sql: string): Writable & Submittable;
}
