import { createHmac, randomUUID } from 'node:crypto';

import { Pool } from 'pg';

import { createEvent, OrganizationRegistered } from '@tic/contracts';

/** The body the benchmark posts, the i-th of the run: a new unit each time (no credit code, so no clash). */
export function unitBody(i: number, run: string) {
  return {
    name: `基准测试单位${run}-${i}`,
    kind: 'enterprise',
    legalPerson: true,
    domicile: { address: `沈阳市和平区基准路${i}号`, divisionCode: '210102' },
  } as const;
}

/**
 * The baseline: what the applications service's transaction for `organizations.create` writes, as plain
 * `pg` on a pool of `clients` connections with prepared statements: the Idempotency-Key claimed, the
 * unit inserted, its tic.organization.registered event in the outbox, the answer recorded with the key.
 */
export class RawRegistration {
  private readonly pool: Pool;

  constructor(
    databaseUrl: string,
    clients: number,
    private readonly run: string,
  ) {
    this.pool = new Pool({ connectionString: databaseUrl, max: clients });
  }

  async register(i: number, callerId: string): Promise<void> {
    const body = unitBody(i, this.run);
    const id = randomUUID();
    const key = `raw-${this.run}-${i}`;
    const now = new Date();
    const fingerprint = createHmac('sha256', 'bench')
      .update('organizations.create\n')
      .update(JSON.stringify(body))
      .digest('hex');
    const event = createEvent(OrganizationRegistered, {
      id: randomUUID(),
      subject: id,
      time: now.toISOString(),
      aggregateVersion: 1,
      data: {
        organizationId: id,
        name: body.name,
        parentId: null,
        kind: body.kind,
        legalPerson: body.legalPerson,
        isRecommender: false,
      },
    });
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      await client.query({
        name: 'claim',
        text: `insert into applications.idempotency_record (caller_id, key, operation, fingerprint, result, created_at)
               values ($1, $2, 'organizations.create', $3, null, $4) on conflict (caller_id, key) do nothing`,
        values: [callerId, key, fingerprint, now],
      });
      await client.query({
        name: 'unit',
        text: `insert into applications.organization (id, name, uscc, kind, legal_person, region_code, domicile,
                 domicile_division_code, parent_id, recommender_id, is_recommender, jurisdiction, announced_at,
                 version, created_at)
               values ($1, $2, null, $3, $4, $5, $6, $5, null, null, false, null, $7, 1, $7)`,
        values: [id, body.name, body.kind, body.legalPerson, body.domicile.divisionCode, body.domicile.address, now],
      });
      await client.query({
        name: 'event',
        text: `insert into applications.outbox_event (event_id, type, subject, aggregate_version, document, created_at)
               values ($1, $2, $3, 1, $4, $5)`,
        values: [event.id, event.type, id, JSON.stringify(event), now],
      });
      await client.query({
        name: 'answer',
        text: `update applications.idempotency_record set result = $3 where caller_id = $1 and key = $2`,
        values: [callerId, key, JSON.stringify({ id, ...body, version: 1 })],
      });
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
