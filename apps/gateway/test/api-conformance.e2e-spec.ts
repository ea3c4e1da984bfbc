import type { ApplicationDto } from '@tic/contracts';
import type { Role } from '@tic/domain';

import type { ApiDocument, Operation } from './conformance/openapi-types';
import { requestCases, type KnownIds } from './conformance/request-cases';
import { ResponseChecker } from './conformance/response-check';
import { SeededRandom } from './conformance/seeded-random';
import { sendCase } from './conformance/send-case';
import { draft, FITTING_ORGS, ORGS, tokensFor } from './platform/journey';
import { PlatformWorld } from './platform/platform-world';

// The same requests on every run: a failure names the operation and the case, and reproduces.
const SEED = 20_261_129;

/**
 * Schemathesis-style checks of the whole document against the real services: for every operation of
 * /docs-json, requests generated from its schemas (valid ones and edge cases), sent with a token of a
 * role the operation allows; every answer must be no server error, a documented status, a documented
 * content type, and a body valid against the documented schema.
 */
describe('API conformance: every operation of /docs-json answers as documented (real services)', () => {
  let world: PlatformWorld;
  let document: ApiDocument;
  let known: KnownIds;

  beforeAll(async () => {
    world = await PlatformWorld.start('conformance', 14);
    const response = await fetch(`${world.gatewayUrl}/docs-json`);
    document = (await response.json()) as ApiDocument;
    // A draft has no track yet: its `track: null` must be valid against the document.
    const application: ApplicationDto = await draft(world, await tokensFor(world));
    known = {
      applications: application.id,
      calls: application.callId,
      organizations: ORGS.construction,
      callId: application.callId,
      applicationId: application.id,
      supportingUnitId: ORGS.supporting,
      orgId: ORGS.coBuilder,
      employerOrgId: ORGS.supporting,
      recommenderId: ORGS.recommender,
    };
  }, 240_000);

  afterAll(async () => {
    await world?.stop();
  });

  it('gives no server error, and only documented statuses, content types and bodies', async () => {
    const random = new SeededRandom(SEED);
    const checker = new ResponseChecker(document);
    const violations: string[] = [];
    let sent = 0;
    for (const [index, { path, method, operation }] of operationsOf(document).entries()) {
      const token = await tokenFor(operation, index);
      for (const request of requestCases(path, method, operation, known, random)) {
        const observed = await sendCase(world.gatewayUrl, method, request, token);
        sent++;
        // CONFORMANCE_LOG=1 prints every exchange, to see what a run reached (how many valid requests got a 2xx).
        if (process.env.CONFORMANCE_LOG)
          console.log(
            `${observed.status} ${method} ${path} [${request.label}] ${JSON.stringify(observed.body).slice(0, 160)}`,
          );
        for (const violation of checker.violations(operation, observed)) {
          violations.push(`${method.toUpperCase()} ${path} [${request.label}]: ${violation.slice(0, 400)}`);
        }
      }
    }
    expect(violations).toEqual([]);
    expect(sent).toBeGreaterThan(500);
  }, 600_000);

  /** A role the operation allows, DST where it may, each operation with its own user (rate limits are per user). */
  function tokenFor(operation: Operation, index: number): Promise<string> | undefined {
    const roles = (operation['x-roles'] ?? []).filter((role): role is Role => role !== 'public');
    if (roles.length === 0) return undefined;
    const role = roles.includes('dst_admin') ? 'dst_admin' : roles[0]!;
    return world.token(role, FITTING_ORGS[role], `conformance-${index}`);
  }
});

function operationsOf(document: ApiDocument): { path: string; method: string; operation: Operation }[] {
  return Object.entries(document.paths)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([path, operations]) =>
      Object.entries(operations)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([method, operation]) => ({ path, method, operation })),
    );
}
