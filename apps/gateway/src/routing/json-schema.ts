import type { SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';

import { pathParameters, type RouteSpec } from './route-spec';

/** The OpenAPI 3.0 schema of a zod schema: what a client sends (`input`) or receives (`output`). */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): SchemaObject {
  return withNullInEnums(z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }));
}

/**
 * OpenAPI 3.0.3 says `nullable: true` does not widen an `enum`: a nullable enum must list null itself,
 * or validators (and generated clients) reject the `track: null` the API really returns. zod leaves it
 * out, so it is added here, everywhere in the schema.
 */
function withNullInEnums(node: unknown): SchemaObject {
  if (Array.isArray(node)) return node.map(withNullInEnums) as unknown as SchemaObject;
  if (typeof node !== 'object' || node === null) return node as SchemaObject;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node))
    copy[key] = key === 'enum' && Array.isArray(value) ? value : withNullInEnums(value);
  const values: unknown = copy.enum;
  if (copy.nullable === true && Array.isArray(values) && !values.includes(null))
    copy.enum = [...(values as unknown[]), null];
  return copy;
}

/** The top-level properties of an object schema, and which are required. */
export function propertiesOf(schema: SchemaObject): {
  properties: Record<string, SchemaObject>;
  required: readonly string[];
} {
  return { properties: (schema.properties ?? {}) as Record<string, SchemaObject>, required: schema.required ?? [] };
}

/** The body a client sends: the request without the fields taken from the path; `version` optional when If-Match may carry it. */
export function bodySchemaOf(spec: RouteSpec): SchemaObject {
  const schema = jsonSchemaOf(spec.request, 'input');
  const { properties, required } = propertiesOf(schema);
  const fromPath = new Set(pathParameters(spec.path).map((name) => spec.params[name] ?? name));
  const optional = new Set([...fromPath, ...(spec.versioned ? ['version'] : [])]);
  const kept = Object.fromEntries(Object.entries(properties).filter(([name]) => !fromPath.has(name)));
  const stillRequired = required.filter((name) => !optional.has(name));
  return {
    ...schema,
    properties: kept,
    ...(stillRequired.length > 0 ? { required: stillRequired } : { required: undefined }),
  };
}

/** Query fields declared boolean: `?includeEnded=false` must read false, not the truthy string "false". */
export function booleanFieldsOf(schema: z.ZodType): ReadonlySet<string> {
  const { properties } = propertiesOf(jsonSchemaOf(schema, 'input'));
  return new Set(
    Object.entries(properties)
      .filter(([, property]) => property.type === 'boolean')
      .map(([name]) => name),
  );
}
