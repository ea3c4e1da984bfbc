import 'reflect-metadata';

import { randomUUID } from 'node:crypto';

import request from 'supertest';

import { IssueAgencyNatsUser, RevokeAgencyNatsUser } from '@tic/contracts';

import { startWorld, type TestWorld } from './support/test-world';

interface Problem {
  readonly errors?: readonly { path: string; message: string }[];
}

/** POST/DELETE /api/v1/agencies/{orgId}/nats-user: a bad organization id is the caller's mistake, named, and asks nothing. */
describe('gateway: an agency’s NATS user routes validate the organization id', () => {
  let world: TestWorld;
  let dst: string;

  beforeAll(async () => {
    world = await startWorld();
    dst = await world.keys.sign({
      sub: `dst-${randomUUID()}`,
      name: '省科技厅王五',
      role: 'dst_admin',
      org: randomUUID(),
    });
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  it.each([
    ['POST', IssueAgencyNatsUser],
    ['DELETE', RevokeAgencyNatsUser],
  ] as const)('%s with an id that is not a UUID is a 400 naming orgId', async (method, definition) => {
    const http = request(world.gateway.url);
    const path = '/api/v1/agencies/agency_demo/nats-user';
    const res = await (method === 'POST' ? http.post(path) : http.delete(path)).set('authorization', `Bearer ${dst}`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((res.body as Problem).errors?.map((error) => error.path)).toEqual(['orgId']);
    expect(world.state.count(definition)).toBe(0);
  });
});
