import 'reflect-metadata';

import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { INestMicroservice } from '@nestjs/common';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import request from 'supertest';

import { GetOrganization } from '@tic/contracts';
import { startNatsServer, type TestNatsServer } from '@tic/testing';

import { tokenCommand, UsageError } from '../src/cli/token-command';
import { startGateway, type TestGateway } from './support/gateway-harness';
import { startStandIn, StandInState } from './support/stand-in';

describe('the token command and the development key', () => {
  let nats: TestNatsServer;
  let standIn: INestMicroservice;
  let gateway: TestGateway;
  const state = new StandInState();
  const tmp = mkdtempSync(join(tmpdir(), 'tic-dev-jwt-'));
  const keyDir = join(tmp, 'dev-jwt');
  const org = randomUUID();

  beforeAll(async () => {
    nats = await startNatsServer();
    standIn = await startStandIn(nats.url, state);
    // No JWKS_URL, no key file, development: the gateway creates the development key pair.
    gateway = await startGateway({ TIC_DEV: '1', NATS_URL: nats.url, DEV_JWT_DIR: keyDir });
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await standIn?.close();
    await nats?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('the gateway created the key pair on start', () => {
    expect(existsSync(join(keyDir, 'private.pem'))).toBe(true);
    expect(existsSync(join(keyDir, 'public.pem'))).toBe(true);
  });

  it('prints an ES256 token with sub, name, role, org, and 8 hours of validity, that the gateway accepts', async () => {
    const token = await tokenCommand(['--role', 'dst_admin', '--org', org, '--sub', 'dev-admin-1', '--name', '王五'], {
      DEV_JWT_DIR: keyDir,
    });
    expect(decodeProtectedHeader(token).alg).toBe('ES256');
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ sub: 'dev-admin-1', name: '王五', role: 'dst_admin', org });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(8 * 3600);

    const id = randomUUID();
    await request(gateway.url).get(`/api/v1/organizations/${id}`).set('authorization', `Bearer ${token}`).expect(200);
    expect(state.last(GetOrganization).context?.caller).toEqual({
      userId: 'dev-admin-1',
      name: '王五',
      role: 'dst_admin',
      orgId: org,
    });
  });

  it('defaults sub and name', async () => {
    const claims = decodeJwt(await tokenCommand(['--role', 'expert', '--org', org], { DEV_JWT_DIR: keyDir }));
    expect(claims).toMatchObject({
      role: 'expert',
      org,
      sub: expect.stringMatching(/^dev-expert-/),
      name: expect.any(String),
    });
  });

  it.each([
    [['--org', randomUUID()], /--role/],
    [['--role', 'root', '--org', randomUUID()], /--role must be one of/],
    [['--role', 'dst_admin', '--org', 'shenyang'], /--org must be/],
    [['--role', 'dst_admin', '--org', randomUUID(), '--admin'], /Unknown option/],
  ])('refuses %j', async (argv, message) => {
    await expect(tokenCommand(argv, { DEV_JWT_DIR: keyDir })).rejects.toThrow(message);
  });

  it('does not run in production', async () => {
    await expect(
      tokenCommand(['--role', 'dst_admin', '--org', org], { NODE_ENV: 'production', DEV_JWT_DIR: keyDir }),
    ).rejects.toBeInstanceOf(UsageError);
  });
});
