import { asList, asRecord } from './repository';
import type { KubernetesObject } from './kustomize';

/** A container of a Deployment's or Job's pod template. */
export interface PodContainer {
  readonly owner: string;
  readonly spec: Record<string, unknown>;
  readonly podSpec: Record<string, unknown>;
}

/** Every container of the workloads (Deployments and Jobs) among the rendered objects. */
export function podContainers(objects: readonly KubernetesObject[]): PodContainer[] {
  return objects
    .filter((object) => object.kind === 'Deployment' || object.kind === 'Job')
    .flatMap((object) => {
      const owner = `${object.kind}/${object.metadata.name}`;
      const template = asRecord(asRecord(object.spec, owner).template, `${owner} template`);
      const podSpec = asRecord(template.spec, `${owner} pod spec`);
      return asList(podSpec.containers, `${owner} containers`).map((container) => ({
        owner,
        spec: asRecord(container, `${owner} container`),
        podSpec,
      }));
    });
}

/**
 * The environment a container starts with: literal values, ConfigMap keys from the rendered ConfigMaps,
 * Secret keys from `secrets` (what the operator creates). A reference to a key nobody provides is listed
 * in `unresolved`, as the kubelet would refuse to start the container.
 */
export function containerEnvironment(
  container: PodContainer,
  objects: readonly KubernetesObject[],
  secrets: Readonly<Record<string, Readonly<Record<string, string>>>>,
): { env: Record<string, string>; unresolved: string[] } {
  const configMaps = new Map(
    objects
      .filter((object) => object.kind === 'ConfigMap')
      .map((object) => [object.metadata.name, asRecord(object.data ?? {}, `ConfigMap/${object.metadata.name}`)]),
  );
  const env: Record<string, string> = {};
  const unresolved: string[] = [];
  for (const entry of asList(container.spec.env ?? [], `${container.owner} env`)) {
    const variable = asRecord(entry, `${container.owner} env`);
    const name = String(variable.name);
    if (typeof variable.value === 'string') {
      env[name] = variable.value;
      continue;
    }
    const from = asRecord(variable.valueFrom, `${container.owner} env ${name}`);
    const ref = asRecord(from.configMapKeyRef ?? from.secretKeyRef, `${container.owner} env ${name} reference`);
    const source = from.configMapKeyRef === undefined ? secrets[String(ref.name)] : configMaps.get(String(ref.name));
    const value = source?.[String(ref.key)];
    if (typeof value === 'string') env[name] = value;
    else
      unresolved.push(
        `${name} ← ${from.configMapKeyRef === undefined ? 'Secret' : 'ConfigMap'} ${String(ref.name)}.${String(ref.key)}`,
      );
  }
  return { env, unresolved };
}
