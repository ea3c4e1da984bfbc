import type { Operation, Parameter, Schema } from './openapi-types';
import { exampleOf, mutationsOf, queryMutationsOf } from './schema-values';
import type { SeededRandom } from './seeded-random';

/** One request the conformance test sends. */
export interface RequestCase {
  readonly label: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** A JSON body, or raw text with its content type. */
  readonly body?: unknown;
  readonly raw?: { readonly contentType: string; readonly text: string };
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Ids of things that exist: by the collection a path parameter belongs to (`applications`), or by a
 * body field's name (`callId`); anything else gets a random id.
 */
export type KnownIds = Readonly<Record<string, string>>;

/**
 * The requests for one operation, drawn from its schemas: a valid one, unknown ids, a missing body,
 * an extra field, each field's edge cases, query edge cases, a wrong content type and an over-long URL.
 */
export function requestCases(
  path: string,
  method: string,
  operation: Operation,
  known: KnownIds,
  random: SeededRandom,
) {
  const parameters = operation.parameters ?? [];
  const pathParams = parameters.filter((p) => p.in === 'path');
  const queryParams = parameters.filter((p) => p.in === 'query' && !isUploadOnly(p));
  const bodySchema = operation.requestBody?.content['application/json']?.schema;
  const realPath = fill(path, pathParams, (param) => known[collectionOf(path, param)] ?? exampleText(param, random));
  const validQuery = Object.fromEntries(
    queryParams.filter((p) => p.required).map((p) => [p.name, exampleText(p, random)]),
  );
  const validBody = bodySchema ? withKnownIds(exampleOf(bodySchema, random), known) : undefined;
  const base = { path: realPath, query: validQuery, ...(bodySchema ? { body: validBody } : {}) };
  const cases: RequestCase[] = [{ label: 'valid', ...base }];

  if (pathParams.length > 0) {
    cases.push({ ...base, label: 'unknown ids', path: fill(path, pathParams, () => random.uuid()) });
    cases.push({ ...base, label: 'NUL in a path parameter', path: fill(path, pathParams, () => '\u0000') });
    cases.push({ ...base, label: 'over-long path parameter', path: fill(path, pathParams, () => 'x'.repeat(300)) });
  }
  for (const param of queryParams) {
    for (const mutation of queryMutationsOf(param.schema ?? {})) {
      cases.push({
        ...base,
        label: `query ${param.name}: ${mutation.label}`,
        query: { ...validQuery, [param.name]: String(mutation.value) },
      });
    }
  }
  if (bodySchema && method !== 'get') {
    cases.push({ ...base, label: 'empty body', body: {} });
    cases.push({ ...base, label: 'an array for the body', body: [validBody] });
    cases.push({ ...base, label: 'an extra field', body: { ...(validBody as object), unexpected: 'x' } });
    for (const [name, property] of Object.entries(bodySchema.properties ?? {})) {
      for (const mutation of mutationsOf(property)) {
        cases.push({
          ...base,
          label: `body ${name}: ${mutation.label}`,
          body: { ...(validBody as object), [name]: mutation.value },
        });
      }
    }
    cases.push({ ...base, label: 'malformed JSON', raw: { contentType: 'application/json', text: '{"a":' } });
    cases.push({ ...base, label: 'text/plain body', raw: { contentType: 'text/plain', text: 'hello' } });
  }
  cases.push({ ...base, label: 'over-long URL', query: { ...validQuery, pad: 'x'.repeat(9_000) } });
  cases.push({ ...base, label: 'headers over 16 KiB', headers: { 'x-pad': 'y'.repeat(17_000) } });
  return cases;
}

/** Top-level id fields that name something that exists (`callId`), so a valid request can get past 404. */
function withKnownIds(body: unknown, known: KnownIds): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const fields = Object.entries(body as Record<string, unknown>).map(([name, value]) => [name, known[name] ?? value]);
  return Object.fromEntries(fields);
}

function isUploadOnly(param: Parameter & { description?: string }): boolean {
  return (param.description ?? '').includes('file uploads only');
}

function fill(path: string, params: readonly Parameter[], value: (param: Parameter) => string): string {
  return params.reduce((filled, param) => filled.replace(`{${param.name}}`, encodeURIComponent(value(param))), path);
}

/** `/api/v1/applications/{id}/review` → `applications`: whose id a path parameter is. */
function collectionOf(path: string, param: Parameter): string {
  const segments = path.split('/');
  const at = segments.indexOf(`{${param.name}}`);
  return param.name === 'id' || param.name.endsWith('Id') ? (segments[at - 1] ?? '') : param.name;
}

const TEXT: Schema = { type: 'string' };

function exampleText(param: Parameter, random: SeededRandom): string {
  return String(exampleOf(param.schema ?? TEXT, random));
}
