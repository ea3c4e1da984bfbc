import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { composeServices } from '../src/compose-file';
import { dockerStages, ignoredByDockerignore } from '../src/dockerfile';
import { renderKustomization } from '../src/kustomize';
import { podContainers } from '../src/pod-environment';
import { repositoryFile, repositoryRoot } from '../src/repository';
import { composeOperatorEnv } from '../src/sample-secrets';
import { processOfCommand } from '../src/service-configs';

// No Docker engine builds the image here: these check what can be checked without one.
describe('the one image (infra/docker/Dockerfile)', () => {
  const stages = dockerStages('infra/docker/Dockerfile');
  const [build, runtime] = stages;
  const run = (stage: typeof build, keyword: string) =>
    (stage?.instructions ?? []).filter((i) => i.keyword === keyword).map((i) => i.args);

  it('builds in one stage (install, build, drop the dev dependencies) and runs from another', () => {
    expect(stages).toHaveLength(2);
    expect(build?.name).toBe('build');
    expect(build?.from).toBe(runtime?.from);
    expect(build?.from).toMatch(/^node:20\.20-/);
    const steps = run(build, 'RUN').join(' && ');
    expect(steps.indexOf('npm ci')).toBeGreaterThanOrEqual(0);
    expect(steps.indexOf('npm run build')).toBeGreaterThan(steps.indexOf('npm ci'));
    expect(steps.indexOf('npm prune --omit=dev')).toBeGreaterThan(steps.indexOf('npm run build'));
    expect(run(runtime, 'COPY')).toEqual([expect.stringMatching(/^--from=build /)]);
    expect(run(runtime, 'ENV')).toContain('NODE_ENV=production');
  });

  it('runs as a user other than root, with a health check the image carries', () => {
    const users = run(runtime, 'USER');
    expect(users).toHaveLength(1);
    expect(users[0]).not.toMatch(/^(root|0)(:|$)/);
    const [healthcheck] = run(runtime, 'HEALTHCHECK');
    expect(healthcheck).toContain('CMD ["node", "infra/docker/healthcheck.mjs"]');
    expect(existsSync(join(repositoryRoot(), 'infra/docker/healthcheck.mjs'))).toBe(true);
  });

  it('has, once built, the script of every command compose and Kubernetes start it with', () => {
    const commands = [
      ...composeServices(composeOperatorEnv()).map((s) => s.command),
      ...podContainers(renderKustomization('infra/k8s/base')).map(
        (c) => (c.spec.command as string[] | undefined) ?? [],
      ),
      ['node', 'infra/docker/healthcheck.mjs'],
    ].filter((command) => processOfCommand(command) !== undefined || command.join(' ').includes('infra/docker'));
    const scripts = new Set(commands.flatMap((command) => command.join(' ').match(/[\w/.-]+\.m?js\b/g) ?? []));
    expect(scripts.size).toBeGreaterThan(12);
    for (const script of scripts)
      expect({ script, exists: existsSync(join(repositoryRoot(), script)) }).toEqual({ script, exists: true });
  });

  it('takes the sources into the build, never the local node_modules, dist or secrets', () => {
    const dockerignore = repositoryFile('.dockerignore');
    for (const path of [
      'package.json',
      'package-lock.json',
      'apps/gateway/src/main.ts',
      'packages/platform/src/index.ts',
      'infra/docker/healthcheck.mjs',
    ]) {
      expect({ path, ignored: ignoredByDockerignore(path, dockerignore) }).toEqual({ path, ignored: false });
    }
    for (const path of [
      'node_modules/zod/index.js',
      'apps/gateway/node_modules/x',
      'apps/gateway/dist/main.js',
      '.env',
      '.git/HEAD',
      '.local/dev-jwt/key.pem',
    ]) {
      expect({ path, ignored: ignoredByDockerignore(path, dockerignore) }).toEqual({ path, ignored: true });
    }
  });
});
