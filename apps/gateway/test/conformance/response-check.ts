import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

import type { ApiDocument, Operation, Schema } from './openapi-types';

/** One response as the client saw it. */
export interface Observed {
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
}

/**
 * Checks a response against its operation's document as Schemathesis does: no server error, a
 * documented status, a documented content type, and a body that validates against the documented
 * schema (OpenAPI 3.0 `nullable` is read by ajv; `$ref`s to components are inlined).
 */
export class ResponseChecker {
  private readonly ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
  private readonly validators = new Map<Schema, ValidateFunction>();

  constructor(private readonly document: ApiDocument) {
    addFormats(this.ajv);
  }

  violations(operation: Operation, observed: Observed): string[] {
    if (observed.status >= 500) return [`server error ${observed.status}: ${JSON.stringify(observed.body)}`];
    const documented = operation.responses[String(observed.status)];
    if (!documented) return [`undocumented status ${observed.status}: ${JSON.stringify(observed.body)}`];
    const mediaType = observed.contentType.split(';')[0]?.trim() ?? '';
    const content = documented.content?.[mediaType];
    if (content === undefined) {
      const listed = Object.keys(documented.content ?? {}).join(', ') || 'none';
      return [`undocumented content type ${mediaType || '(none)'} for ${observed.status} (documented: ${listed})`];
    }
    if (!mediaType.endsWith('json') || content.schema === undefined) return [];
    const validate = this.validatorOf(content.schema);
    if (validate(observed.body)) return [];
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
    return [`body does not match the schema of ${observed.status}: ${errors}`];
  }

  private validatorOf(schema: Schema): ValidateFunction {
    let validate = this.validators.get(schema);
    if (validate === undefined) {
      validate = this.ajv.compile(this.inlined(schema) as object);
      this.validators.set(schema, validate);
    }
    return validate;
  }

  private inlined(node: unknown): unknown {
    if (Array.isArray(node)) return node.map((item) => this.inlined(item));
    if (typeof node !== 'object' || node === null) return node;
    const ref = (node as Schema).$ref;
    if (ref !== undefined) {
      const name = ref.replace('#/components/schemas/', '');
      return this.inlined(this.document.components?.schemas?.[name]);
    }
    const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, this.inlined(value)]));
    // ajv reads `nullable` only beside a `type`; without one the schema already accepts null.
    if (copy.nullable === true && copy.type === undefined) delete copy.nullable;
    return copy;
  }
}
