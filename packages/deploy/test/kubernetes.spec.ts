import { parse } from 'yaml';

import { dockerStages } from '../src/dockerfile';
import { objectName, renderKustomization, type KubernetesObject } from '../src/kustomize';
import { schemaProblem } from '../src/kubernetes-schemas';
import { containerEnvironment, podContainers, type PodContainer } from '../src/pod-environment';
import { asRecord, repositoryFile } from '../src/repository';
import { kubernetesSecrets } from '../src/sample-secrets';
import { servedHealthPaths } from '../src/served-routes';
import { processOfCommand, SERVICES, startRefusal, unreadSettings } from '../src/service-configs';

const BASE = 'infra/k8s/base';
const EXAMPLE = 'infra/k8s/overlays/example';

const rendered = { base: renderKustomization(BASE), example: renderKustomization(EXAMPLE) };
const ofKind = (objects: KubernetesObject[], kind: string) => objects.filter((o) => o.kind === kind);
const spec = (object: KubernetesObject) => asRecord(object.spec, objectName(object));
const record = (value: unknown) => asRecord(value, 'manifest');
const processOf = (container: PodContainer) => processOfCommand((container.spec.command as string[] | undefined) ?? []);

describe.each(Object.entries(rendered))('the Kubernetes manifests (%s)', (_name, objects) => {
  const deployments = ofKind(objects, 'Deployment');
  const containers = podContainers(objects);

  it('are valid against the Kubernetes schemas (and CloudNativePG’s for its Cluster)', () => {
    expect(objects.length).toBeGreaterThan(25);
    expect(objects.map(schemaProblem).filter(Boolean)).toEqual([]);
  });

  it('run each service and the gateway as a Deployment with a Service, an autoscaler and a disruption budget', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual([...SERVICES, 'gateway'].sort());
    for (const deployment of deployments) {
      const name = deployment.metadata.name;
      const podLabels = record(record(spec(deployment).template).metadata).labels;
      const selects = (selector: unknown) =>
        Object.entries(record(selector)).every(([key, value]) => record(podLabels)[key] === value);
      const [hpa] = ofKind(objects, 'HorizontalPodAutoscaler').filter((h) => h.metadata.name === name);
      expect(hpa?.apiVersion).toBe('autoscaling/v2');
      expect(spec(hpa!).scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
      expect(spec(hpa!).minReplicas).toBeGreaterThanOrEqual(2);
      expect(spec(hpa!).maxReplicas).toBeGreaterThan(spec(hpa!).minReplicas as number);
      const pdbs = ofKind(objects, 'PodDisruptionBudget').filter((p) => selects(record(spec(p).selector).matchLabels));
      expect(pdbs.map((p) => [p.apiVersion, p.metadata.name])).toEqual([['policy/v1', name]]);
      expect(spec(pdbs[0]!).minAvailable).toBeLessThan(spec(hpa!).minReplicas as number);
      const services = ofKind(objects, 'Service').filter((s) => selects(spec(s).selector));
      expect(services.map((s) => s.metadata.name)).toEqual([name]);
    }
  });

  it('probe every service on paths its code serves, on the port it listens on', () => {
    for (const container of containers.filter((c) => c.owner.startsWith('Deployment/'))) {
      const process = processOf(container)!;
      const [port] = (container.spec.ports as { name: string; containerPort: number }[]) ?? [];
      expect(port?.name).toBe('http');
      const env = Object.fromEntries(
        ((container.spec.env as { name: string; value?: string }[]) ?? []).map((e) => [e.name, e.value]),
      );
      expect(String(port?.containerPort)).toBe(process === 'gateway' ? env.PORT : env.HTTP_PORT);
      const served = servedHealthPaths(process);
      for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
        const httpGet = record(record(container.spec[probe]).httpGet);
        expect({ owner: container.owner, probe, port: httpGet.port }).toEqual({
          owner: container.owner,
          probe,
          port: 'http',
        });
        expect(served).toContain(httpGet.path);
      }
      // Liveness never depends on Postgres, NATS or Redis: a restart would not bring them back.
      expect(record(record(container.spec.livenessProbe).httpGet).path).toBe(
        process === 'gateway' ? '/health' : '/health/live',
      );
    }
  });

  it('give every container requests and limits, and run it without root or privileges', () => {
    const [, runtime] = dockerStages('infra/docker/Dockerfile');
    const imageUser = runtime?.instructions.find((i) => i.keyword === 'USER')?.args.split(':')[0];
    expect(containers.length).toBe(11);
    for (const container of containers) {
      const resources = record(container.spec.resources);
      expect(Object.keys(record(resources.requests)).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(record(resources.limits)).sort()).toEqual(['cpu', 'memory']);
      const pod = record(container.podSpec.securityContext);
      expect(pod.runAsNonRoot).toBe(true);
      expect(String(pod.runAsUser)).toBe(imageUser);
      expect(container.spec.securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
    }
  });

  it('migrate each service’s schema in a Job of its own, from the services’ image', () => {
    const jobs = containers.filter((c) => c.owner.startsWith('Job/'));
    expect(jobs.map(processOf).sort()).toEqual([...SERVICES].sort());
    for (const job of jobs) {
      expect(job.spec.command).toEqual(expect.arrayContaining([expect.stringMatching(/dist\/cli\/migrate\.js/)]));
      expect(job.podSpec.restartPolicy).toBe('Never');
    }
    expect(new Set(containers.map((c) => c.spec.image)).size).toBe(1);
  });

  it('let the migrations be applied alone, with the settings they read (the runbook’s first step of a release)', () => {
    const component = (o: KubernetesObject) => o.metadata.labels?.['app.kubernetes.io/component'];
    const first = objects.filter((o) => ['config', 'migrations'].includes(component(o) ?? ''));
    expect(first.map(objectName).sort()).toEqual(
      [...ofKind(objects, 'ConfigMap').map(objectName), ...SERVICES.map((s) => `Job/${s}-migrate`)].sort(),
    );
    const referenced = podContainers(first).flatMap((c) =>
      ((c.spec.env as { valueFrom?: { configMapKeyRef?: { name: string } } }[]) ?? []).flatMap((e) =>
        e.valueFrom?.configMapKeyRef ? [e.valueFrom.configMapKeyRef.name] : [],
      ),
    );
    const applied = new Set(ofKind(first, 'ConfigMap').map((c) => c.metadata.name));
    expect(referenced.filter((name) => !applied.has(name))).toEqual([]);
  });
});

describe('the example overlay', () => {
  const objects = rendered.example;
  const secrets = kubernetesSecrets();
  const valuesFile = 'infra/k8s/overlays/example/nats-values.yaml';
  const natsValues = record(parse(repositoryFile(valuesFile)));
  const config = record(natsValues.config);

  it('starts every process in production on the settings and the Secrets the runbook creates', () => {
    const containers = podContainers(objects);
    for (const container of containers) {
      const process = processOf(container)!;
      const { env, unresolved } = containerEnvironment(container, objects, secrets);
      expect({ owner: container.owner, unresolved }).toEqual({ owner: container.owner, unresolved: [] });
      expect({ owner: container.owner, refusal: startRefusal(process, env) }).toEqual({
        owner: container.owner,
        refusal: undefined,
      });
      expect({ owner: container.owner, unread: unreadSettings(process, env) }).toEqual({
        owner: container.owner,
        unread: [],
      });
    }
  });

  it('puts everything in its namespace, on the release’s image', () => {
    for (const object of objects.filter((o) => o.kind !== 'Namespace')) expect(object.metadata.namespace).toBe('tic');
    for (const container of podContainers(objects)) {
      expect(container.spec.image).toBe('registry.example.org/tic/tic-platform:2026.11.0');
    }
  });

  it('keeps PostgreSQL in a three-instance CloudNativePG Cluster with every service schema, whose URI the services read', () => {
    const [cluster] = ofKind(objects, 'Cluster');
    expect(cluster?.apiVersion).toBe('postgresql.cnpg.io/v1');
    expect(spec(cluster!).instances).toBe(3);
    const initdb = record(record(spec(cluster!).bootstrap).initdb);
    const schemas = [
      ...repositoryFile('infra/postgres/init/01-schemas.sql').matchAll(/CREATE SCHEMA IF NOT EXISTS (\w+)/g),
    ];
    expect(schemas.map(([, name]) => name).sort()).toEqual([...SERVICES].sort());
    for (const [, schema] of schemas) {
      expect(initdb.postInitApplicationSQL).toContain(
        `CREATE SCHEMA IF NOT EXISTS ${schema!} AUTHORIZATION ${String(initdb.owner)}`,
      );
    }
    for (const container of podContainers(objects)) {
      const database = (container.spec.env as { name: string; valueFrom?: unknown }[]).find(
        (e) => e.name === 'DATABASE_URL',
      );
      if (processOf(container) === 'gateway') continue;
      expect(database?.valueFrom).toEqual({ secretKeyRef: { name: `${cluster!.metadata.name}-app`, key: 'uri' } });
    }
  });

  it('runs NATS (the official chart’s values) as three JetStream nodes on volumes, and keeps three copies of the stream', () => {
    expect(record(config.cluster)).toMatchObject({ enabled: true, replicas: 3 });
    expect(record(config.jetstream)).toMatchObject({
      enabled: true,
      fileStore: { enabled: true, pvc: { enabled: true } },
    });
    const [settings] = ofKind(objects, 'ConfigMap');
    expect(record(settings!.data).EVENT_STREAM_REPLICAS).toBe(String(record(config.cluster).replicas));
    expect(record(settings!.data).NATS_URL).toMatch(/^nats:\/\/nats\.tic\.svc:4222$/);
  });

  it('gives NATS the platform users: users.conf mounted where the config includes it, each password from the services’ Secret', () => {
    const container = record(natsValues.container);
    const mount = (container.patch as { value: { name: string; mountPath: string } }[])[0]!.value;
    const volume = (
      record(natsValues.podTemplate).patch as { value: { name: string; configMap: { name: string } } }[]
    )[0]!.value;
    expect(volume).toEqual({ name: mount.name, configMap: { name: 'nats-users' } });
    // The chart writes its nats.conf in /etc/nats-config; NATS resolves an include from there.
    expect(record(config.merge).$include).toBe(`..${mount.mountPath.replace(/^\/etc/, '')}/users.conf`);
    const passwords = [...repositoryFile('infra/nats/users.conf').matchAll(/password: \$(NATS_[A-Z_]+_PASSWORD)/g)];
    const env = record(container.env);
    for (const [, variable] of passwords) {
      expect(env[variable!]).toEqual({ valueFrom: { secretKeyRef: { name: 'tic-nats-users', key: variable } } });
      expect(Object.keys(secrets['tic-nats-users'] ?? {})).toContain(variable);
    }
  });
});
