import { isDeepStrictEqual } from 'node:util';

import { ROLES, type Role } from '@tic/domain';

import { EXPECTED, expectedOutcome, type Outcome, type Row } from './matrix/expected';
import type { Probe } from './matrix/probe';
import { PROBES } from './matrix/probes';
import { buildMatrixWorld, type MatrixWorld, type Side } from './matrix/worlds';
import { call, PlatformWorld } from './platform/platform-world';

// Redis database index reserved for this file.
const REDIS_DB = 11;

type Cell = { readonly side: Side; readonly role: Role; readonly expected: Outcome };

/**
 * Issue 9: every route of /docs-json, called by every role from the owner's side and from a real foreign
 * organization of that role, against the real services; each outcome is exact (status and code, for a list
 * whether the owner's resource shows), and a refused write leaves DST's read of its data unchanged.
 */
describe('route × role matrix: the owner unit and a foreign unit of every role, for every route (gateway, applications and personnel as processes)', () => {
  let world: PlatformWorld;
  let m: MatrixWorld;
  let documented: Map<string, readonly string[]>;

  beforeAll(async () => {
    world = await PlatformWorld.start('matrix', REDIS_DB);
    m = await buildMatrixWorld(world);
    const docs = (await (await fetch(`${world.gatewayUrl}/docs-json`)).json()) as {
      paths: Record<string, Record<string, { 'x-roles'?: string[] }>>;
    };
    documented = new Map(
      Object.entries(docs.paths).flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op['x-roles'] ?? []]),
      ),
    );
  }, 480_000);

  afterAll(async () => {
    await world?.stop();
  });

  it('has a row and a probe for every route of /docs-json, and admits exactly the roles the document lists', () => {
    const problems = [...documented].flatMap(([route, roles]) => {
      const row = EXPECTED[route];
      if (row === undefined) return [`${route}: no row in matrix/expected.ts`];
      if (row.roles !== 'public' && PROBES[route] === undefined) return [`${route}: no probe in matrix/probes.ts`];
      const listed = row.roles === 'public' ? ['public'] : [...row.roles];
      return isDeepStrictEqual([...roles].sort(), listed.sort()) ? [] : [`${route}: documents ${roles.join(',')}`];
    });
    const stale = Object.keys(EXPECTED).filter((route) => !documented.has(route));
    expect([...problems, ...stale.map((route) => `${route}: in expected.ts, not in /docs-json`)]).toEqual([]);
  });

  for (const [route, row] of Object.entries(EXPECTED)) {
    const [method = 'GET'] = route.split(' ');
    if (row.roles === 'public') {
      it(`${route}: public`, async () => {
        const response = await fetch(`${world.gatewayUrl}${route.slice(method.length + 1)}`, {
          method,
          ...(method === 'GET' ? {} : { headers: { 'content-type': 'application/json' }, body: '{}' }),
        });
        const body = (/json/.test(response.headers.get('content-type') ?? '') ? await response.json() : {}) as Record<
          string,
          unknown
        >;
        expect(observe({ status: response.status, body }, undefined)).toEqual(row.anonymous);
      });
      continue;
    }
    const cells = cellsOf(row);
    it(`${route}: exact outcome for the owner and the foreign unit of every role, data unchanged when refused`, async () => {
      const probe = PROBES[route];
      if (probe === undefined) throw new Error(`no probe for ${route}`);
      const anonymous = await call(world, method, (await probe.request(m, 'owner', 'dst_admin')).path);
      const problems = anonymous.status === 401 ? [] : [`anonymous → ${anonymous.status}`];
      for (const cell of cells) problems.push(...(await check(m, method, probe, cell)));
      expect(problems).toEqual([]);
    });
  }
});

/** The cells of a row in calling order: the foreign side, then refusals to the owner, then its successes. */
function cellsOf(row: Row): Cell[] {
  const cells = (['foreign', 'owner'] as const).flatMap((side) =>
    ROLES.map((role) => ({ side, role, expected: expectedOutcome(row, side, role) })),
  );
  const rank = (c: (typeof cells)[number]) => (c.side === 'foreign' ? 0 : (c.expected?.status ?? 0) >= 400 ? 1 : 2);
  return cells
    .sort((a, b) => rank(a) - rank(b))
    .map((c) => ({ ...c, expected: c.expected ?? { status: -1, code: 'no cell in expected.ts' } }));
}

async function check(m: MatrixWorld, method: string, probe: Probe, cell: Cell): Promise<string[]> {
  const request = await probe.request(m, cell.side, cell.role);
  const before = cell.expected.status >= 400 ? await probe.readBack?.(m) : undefined;
  const reply = await call(m.world, method, request.path, {
    token: m.token[cell.side][cell.role],
    ...(method === 'GET' ? {} : { body: request.body ?? {} }),
    ...(request.headers ? { headers: { ...request.headers } } : {}),
  });
  const observed = observe(reply, probe.listed?.(m));
  const expected = cell.expected;
  const problems: string[] = [];
  if (!isDeepStrictEqual(observed, expected)) {
    problems.push(`${cell.side} ${cell.role}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(observed)}`);
  }
  if (before !== undefined && !isDeepStrictEqual(await probe.readBack?.(m), before)) {
    problems.push(`${cell.side} ${cell.role}: refused, yet the data changed`);
  }
  return problems;
}

function observe(reply: { status: number; body: Record<string, unknown> }, target: string | undefined): Outcome {
  const code = reply.status >= 400 ? (reply.body.code as string | undefined) : undefined;
  const items = (reply.body.items ?? reply.body.events) as { id: string }[] | undefined;
  return {
    status: reply.status,
    ...(code === undefined ? {} : { code }),
    ...(target === undefined || reply.status >= 400 ? {} : { listed: (items ?? []).some((i) => i.id === target) }),
  };
}
