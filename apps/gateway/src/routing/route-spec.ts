import type { z } from 'zod';

import type { RpcDefinition } from '@tic/contracts';
import { ROLES, type Role } from '@tic/domain';

import type { UploadedFile } from '../uploads/uploaded-file';

/** A route that answers with a file instead of JSON: an Excel workbook or a PDF. */
/** A response that is not JSON: a download (xlsx, pdf) or a page shown in the browser (html). */
export type FileResponse = 'xlsx' | 'pdf' | 'html';

/** Who may call a route: the listed roles (a token is required), or anyone. */
export type Access = readonly Role[] | 'public';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Everything the gateway knows about one route: HTTP shape, roles, validation, the RPC behind it, docs. */
export interface RouteSpec {
  readonly method: HttpMethod;
  /** Relative to the controller; `:name` segments are path parameters. */
  readonly path: string;
  readonly summary: string;
  readonly access: Access;
  /** Validates the input: the query (GET) or the body, merged with path parameters (and If-Match). */
  readonly request: z.ZodType;
  /** The success body; `xlsx` or `pdf` for a file download. */
  readonly response: z.ZodType | FileResponse;
  readonly rpc?: RpcDefinition;
  readonly status: number;
  /** Creates something: accepts an Idempotency-Key. */
  readonly idempotent: boolean;
  /** Guarded by the resource's version: from If-Match or the body's `version`. */
  readonly versioned: boolean;
  /** Path parameter → field of the request (`id` → `applicationId`). */
  readonly params: Readonly<Record<string, string>>;
  /** Statuses the route answers with a JSON body of its own besides problem+json (readiness: 503). */
  readonly alsoAnswers: Readonly<Record<number, OwnAnswer>>;
  /** Asks a service (its RPC, or several): any refusal of a service may come back. */
  readonly forwards: boolean;
  /** A separate, stricter rate limit (anonymous writes). */
  readonly publicWrite: boolean;
  /** Also takes a CSV or XLSX file as the body, besides JSON. */
  readonly upload?: UploadSpec;
}

/** A non-success status a route answers with its own body, documented next to problem+json. */
export interface OwnAnswer {
  readonly description: string;
  readonly schema: z.ZodType;
}

/** What a route that takes a file needs besides the file. */
export interface UploadSpec {
  /** The fields of an upload: its query parameters, and the path parameters as for a JSON body. */
  readonly request: z.ZodObject;
  /** What the file holds (its columns), for the OpenAPI description. */
  readonly description: string;
}

/** An upload's validated fields and its file, as @Input() hands them to a controller. */
export type UploadInput<S extends z.ZodType> = z.output<S> & { readonly file: UploadedFile };

export const ROUTE_SPEC = Symbol('ROUTE_SPEC');

/**
 * The Fastify route config of every @Route: whether it is public (read by the onRequest hook that
 * verifies the token before the body), and whether it takes files (the upload body parser reads
 * files only there).
 */
export const TIC_ROUTE_CONFIG = { public: false as boolean, upload: false as boolean };

/** Every signed-in role; the service still decides what each one may do. */
export const SIGNED_IN: readonly Role[] = ROLES;

/** The names of a path's parameters: `':id/review'` → `['id']`. */
export function pathParameters(path: string): string[] {
  return path
    .split('/')
    .filter((segment) => segment.startsWith(':'))
    .map((segment) => segment.slice(1));
}
