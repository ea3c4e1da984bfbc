import { parse } from 'yaml';

import { interpolateAll } from './compose-interpolation';
import { asList, asRecord, repositoryFile } from './repository';

/** One service of docker-compose.yml, with the fields the checks read. */
export interface ComposeService {
  readonly name: string;
  readonly image?: string;
  readonly command: string[];
  readonly environment: Record<string, string>;
  readonly dependsOn: Record<string, string>;
  readonly healthcheck?: Record<string, unknown>;
  readonly replicas?: number;
  readonly ports: string[];
  readonly raw: Record<string, unknown>;
}

export const COMPOSE_FILE = 'docker-compose.yml';

/** docker-compose.yml as Compose reads it: YAML merge keys (`<<:`) applied, not yet interpolated. */
export function readComposeFile(): Record<string, unknown> {
  return asRecord(parse(repositoryFile(COMPOSE_FILE), { merge: true }), COMPOSE_FILE);
}

/** The file after interpolation with `env`, as `docker compose config` would give it. */
export function composeServices(env: Readonly<Record<string, string | undefined>>): ComposeService[] {
  const file = asRecord(interpolateAll(readComposeFile(), env), COMPOSE_FILE);
  return Object.entries(asRecord(file.services, 'services')).map(([name, value]) => {
    const raw = asRecord(value, `services.${name}`);
    const where = (field: string) => `services.${name}.${field}`;
    const environment = raw.environment === undefined ? {} : asRecord(raw.environment, where('environment'));
    const dependsOn = raw.depends_on === undefined ? {} : asRecord(raw.depends_on, where('depends_on'));
    const deploy = raw.deploy === undefined ? {} : asRecord(raw.deploy, where('deploy'));
    return {
      name,
      ...(typeof raw.image === 'string' ? { image: raw.image } : {}),
      command: raw.command === undefined ? [] : asList(raw.command, where('command')).map(String),
      environment: Object.fromEntries(Object.entries(environment).map(([key, v]) => [key, String(v)])),
      dependsOn: Object.fromEntries(
        Object.entries(dependsOn).map(([key, v]) => [key, String(asRecord(v, where(`depends_on.${key}`)).condition)]),
      ),
      ...(raw.healthcheck === undefined ? {} : { healthcheck: asRecord(raw.healthcheck, where('healthcheck')) }),
      ...(typeof deploy.replicas === 'number' ? { replicas: deploy.replicas } : {}),
      ports: raw.ports === undefined ? [] : asList(raw.ports, where('ports')).map(String),
      raw,
    };
  });
}
