import 'reflect-metadata';

import request from 'supertest';

import * as contracts from '@tic/contracts';
import type { RpcDefinition } from '@tic/contracts';

import { startWorld, type TestWorld } from './support/test-world';

interface Operation {
  readonly 'x-roles'?: string[];
  readonly 'x-rpc-subject'?: string;
  readonly requestBody?: {
    content: Record<string, { schema: { properties?: Record<string, unknown>; format?: string } }>;
  };
  readonly parameters?: readonly { name: string; in: string }[];
  readonly responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
type Paths = Record<string, Record<string, Operation>>;

const rpcDefinitions = (Object.values(contracts) as unknown[]).filter(
  (value): value is RpcDefinition =>
    typeof value === 'object' && value !== null && 'subject' in value && 'request' in value && 'operation' in value,
);

describe('OpenAPI document (GET /docs-json) and Swagger UI (GET /docs)', () => {
  let world: TestWorld;
  let paths: Paths;

  beforeAll(async () => {
    world = await startWorld();
    const res = await request(world.gateway.url).get('/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    paths = res.body.paths as Paths;
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  const operations = () =>
    Object.entries(paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

  // An internal RPC is asked by another service only (RpcDefinition.internal).
  it.each(rpcDefinitions.filter((d) => d.internal !== true).map((d) => [d.subject]))(
    'has a route for %s',
    (subject) => {
      expect(operations().some(({ op }) => op['x-rpc-subject'] === subject)).toBe(true);
    },
  );

  it.each([
    ['get', '/api/v1/events'],
    ['get', '/api/v1/events/journal'],
    ['get', '/health'],
    ['get', '/health/ready'],
    ['get', '/api/v1/public/notices'],
    ['post', '/api/v1/public/objections'],
    ['post', '/api/v1/objections'],
    ['get', '/api/v1/applications/export'],
    ['post', '/api/v1/applications/{id}/transitions'],
  ])('documents %s %s', (method, path) => {
    expect(paths[path]?.[method]).toBeDefined();
  });

  it('gives every operation its roles, a success schema and problem+json errors', () => {
    const incomplete = operations()
      .filter(({ op }) => {
        const success = op.responses['200'] ?? op.responses['201'];
        return (
          !op['x-roles']?.length ||
          success?.content === undefined ||
          op.responses['400']?.content?.['application/problem+json'] === undefined
        );
      })
      .map(({ method, path }) => `${method} ${path}`);
    expect(incomplete).toEqual([]);
  });

  it('documents on every operation what the edge may answer, so a generated client can trust it', () => {
    const missing = operations().flatMap(({ method, path, op }) =>
      ['400', '401', '403', '408', '414', '429', '431', '503']
        .filter((status) => op.responses[status] === undefined)
        .map((status) => `${method} ${path} ${status}`),
    );
    expect(missing).toEqual([]);
    // A route that asks a service documents the service's not-found, even without an id in its path.
    expect(paths['/api/v1/appointments']?.post?.responses['404']).toBeDefined();
    expect(paths['/api/v1/calls']?.post?.responses['415']).toBeDefined();
    // Readiness answers 503 with its own body when something is down, and problem+json otherwise.
    expect(Object.keys(paths['/health/ready']?.get?.responses['503']?.content ?? {}).sort()).toEqual([
      'application/json',
      'application/problem+json',
    ]);
  });

  it('lists null in a nullable enum (a draft application’s `track: null`)', () => {
    const created = paths['/api/v1/applications']?.post?.responses['201']?.content?.['application/json']?.schema as {
      properties: Record<string, { enum?: unknown[]; nullable?: boolean }>;
    };
    expect(created.properties.track).toMatchObject({ nullable: true, enum: ['formal', 'preparation', null] });
  });

  it('derives the request body from the RPC’s zod schema, without the path parameters', () => {
    const transition = paths['/api/v1/applications/{id}/transitions']?.post;
    const body = transition?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(body?.properties ?? {}).sort()).toEqual([
      'action',
      'comment',
      'documentRef',
      'reviseBy',
      'version',
    ]);
    expect(transition?.['x-roles']).toContain('construction_unit');
    expect(paths['/api/v1/calls']?.post?.['x-roles']).toEqual(['dst_admin']);
    expect(paths['/api/v1/public/notices']?.get?.['x-roles']).toEqual(['public']);
  });

  it('documents the roster uploads’ CSV and XLSX bodies next to the JSON one, with their query parameters', () => {
    const check = paths['/api/v1/roster-checks']?.post;
    const upload = paths['/api/v1/platforms/{id}/roster']?.post;
    for (const op of [check, upload]) {
      const content = op?.requestBody?.content ?? {};
      expect(Object.keys(content).sort()).toEqual([
        'application/json',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'text/csv',
      ]);
      expect(content['text/csv']?.schema.format).toBe('binary');
      expect(Object.keys(content['application/json']?.schema.properties ?? {})).toContain('rows');
    }
    expect(check?.parameters?.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(['platformId']);
    expect(upload?.parameters?.filter((p) => p.in !== 'header').map((p) => `${p.in}:${p.name}`)).toEqual([
      'path:id',
      'query:employerOrgId',
    ]);
    expect(paths['/api/v1/people/{id}/identity-reads']?.post?.['x-roles']).toEqual(['dst_admin']);
  });

  it('serves Swagger UI', async () => {
    const page = await request(world.gateway.url).get('/docs').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    // The page loads its set-up as a file (the CSP forbids inline scripts), and that file names the document.
    expect(page.text).toContain('/docs/swagger-init.js');
    expect((await request(world.gateway.url).get('/docs/swagger-init.js').expect(200)).text).toContain('/docs-json');
    await request(world.gateway.url).get('/docs/swagger-ui-bundle.js').expect(200);
  });
});
