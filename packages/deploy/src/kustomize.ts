import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { parseAllDocuments } from 'yaml';

import { asRecord, repositoryRoot } from './repository';

/** A rendered Kubernetes object, with the fields every one has. */
export interface KubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Record<string, string> };
  readonly [field: string]: unknown;
}

const KUBECTL = process.env.KUBECTL_BIN ?? 'kubectl';

/**
 * Renders a kustomization (a folder under the repository root) with `kubectl kustomize`, offline, as
 * `kubectl apply -k` would send it. Without kubectl the checks cannot run: that is an error, not a skip.
 */
export function renderKustomization(dir: string): KubernetesObject[] {
  let output: string;
  try {
    output = execFileSync(KUBECTL, ['kustomize', join(repositoryRoot(), dir)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`kubectl kustomize ${dir} failed (install kubectl, or set KUBECTL_BIN): ${reason}`, {
      cause: error,
    });
  }
  return parseAllDocuments(output).map((document, index) => {
    const object = asRecord(document.toJS(), `${dir}: document ${index}`);
    const metadata = asRecord(object.metadata, `${dir}: document ${index} metadata`);
    if (typeof object.apiVersion !== 'string' || typeof object.kind !== 'string' || typeof metadata.name !== 'string') {
      throw new Error(`${dir}: document ${index} lacks apiVersion, kind or metadata.name`);
    }
    return object as KubernetesObject;
  });
}

/** `Kind/name`, as kubectl names an object. */
export function objectName(object: KubernetesObject): string {
  return `${object.kind}/${object.metadata.name}`;
}
