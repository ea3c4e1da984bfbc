import { Ajv } from 'ajv';
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The Compose specification's JSON schema (compose-spec/compose-spec, schema/compose-spec.json), as the
 * Compose linter dclint 3.1.0 ships it in `schemas/compose.schema.json`: data, not code we run.
 */
export function composeSpecSchema(): Record<string, unknown> {
  const linter = dirname(require.resolve('dclint/package.json'));
  return JSON.parse(readFileSync(join(linter, 'schemas', 'compose.schema.json'), 'utf8')) as Record<string, unknown>;
}

/** Validates a Compose file (merge keys applied, as Compose reads it) against the specification's schema. */
export function composeSchemaProblems(file: unknown): string[] {
  // The specification names draft-07 by its https address, which Ajv knows under the http one.
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addMetaSchema(draft07, 'https://json-schema.org/draft-07/schema');
  const validate = ajv.compile(composeSpecSchema());
  if (validate(file)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}
