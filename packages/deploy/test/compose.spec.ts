import { composeServices, readComposeFile, type ComposeService } from '../src/compose-file';
import { interpolate, MissingVariableError, requiredVariables } from '../src/compose-interpolation';
import { composeSchemaProblems } from '../src/compose-schema';
import { repositoryFile } from '../src/repository';
import { composeOperatorEnv } from '../src/sample-secrets';
import { processOfCommand, SERVICES, startRefusal, unreadSettings } from '../src/service-configs';

describe('docker-compose.yml', () => {
  const operatorEnv = composeOperatorEnv();
  const services = composeServices(operatorEnv);
  const byName = new Map(services.map((service) => [service.name, service]));
  const service = (name: string): ComposeService => {
    const found = byName.get(name);
    if (found === undefined) throw new Error(`no compose service ${name}`);
    return found;
  };
  const platform = services.filter((s) => processOfCommand(s.command) !== undefined);
  const longRunning = platform.filter((s) => s.command.join(' ').endsWith('dist/main.js'));

  it('is valid against the Compose specification schema', () => {
    expect(composeSchemaProblems(readComposeFile())).toEqual([]);
  });

  it('would be refused by the schema with a misspelt key (the check is not vacuous)', () => {
    const file = readComposeFile();
    const broken = { ...file, services: { ...(file.services as object), gateway: { image: 'x', restrat: 'always' } } };
    expect(composeSchemaProblems(broken).join('\n')).toMatch(/additional properties/);
  });

  it('runs every service, its migrations and the gateway from one image', () => {
    expect(longRunning.map((s) => s.name).sort()).toEqual([...SERVICES, 'gateway'].sort());
    expect(
      platform
        .filter((s) => s.name.endsWith('-migrate'))
        .map((s) => s.name)
        .sort(),
    ).toEqual(SERVICES.map((s) => `${s}-migrate`).sort());
    expect(new Set(platform.map((s) => s.image))).toEqual(new Set(['tic-platform:local']));
    for (const s of platform) expect(s.raw.build).toEqual({ context: '.', dockerfile: 'infra/docker/Dockerfile' });
  });

  it('runs two replicas of each service and of the gateway, no replica on a fixed host port', () => {
    for (const s of longRunning) {
      expect({ service: s.name, replicas: s.replicas }).toEqual({ service: s.name, replicas: 2 });
      expect(s.environment.HTTP_PORT ?? s.environment.PORT).toBeDefined();
    }
    for (const s of longRunning.filter((s) => s.name !== 'gateway')) expect(s.ports).toEqual([]);
    // The gateway's replicas take one host port each from a range.
    expect(service('gateway').ports).toEqual(['127.0.0.1:3000-3003:3000']);
  });

  it('health-checks every long-running container, and starts each only once what it needs is healthy', () => {
    for (const s of [...longRunning, service('postgres'), service('redis'), service('nats'), service('maildev')]) {
      expect({ service: s.name, test: s.healthcheck?.test }).toEqual({ service: s.name, test: expect.any(Array) });
    }
    for (const name of SERVICES) {
      expect(service(name).dependsOn).toEqual({
        [`${name}-migrate`]: 'service_completed_successfully',
        postgres: 'service_healthy',
        nats: 'service_healthy',
        redis: 'service_healthy',
        ...(name === 'notifications' ? { maildev: 'service_healthy' } : {}),
      });
      expect(service(`${name}-migrate`).dependsOn).toEqual({ postgres: 'service_healthy' });
    }
    expect(service('gateway').dependsOn).toEqual(Object.fromEntries(SERVICES.map((s) => [s, 'service_healthy'])));
  });

  it('gives each process an environment its config schema starts on in production', () => {
    for (const s of platform) {
      const process = processOfCommand(s.command)!;
      expect({ service: s.name, refusal: startRefusal(process, s.environment) }).toEqual({
        service: s.name,
        refusal: undefined,
      });
      expect({ service: s.name, unread: unreadSettings(process, s.environment) }).toEqual({
        service: s.name,
        unread: [],
      });
      expect(s.environment.TIC_DEV).toBeUndefined();
    }
    for (const name of SERVICES) expect(service(name).environment.MIGRATE_ON_START).toBe('false');
    expect(service('notifications').environment.SMTP_URL).toBe('smtp://maildev:1025');
  });

  it('refuses to start without a secret, naming the variable', () => {
    const { PERSONNEL_ID_HMAC_KEY: _omitted, ...incomplete } = operatorEnv;
    expect(() => composeServices(incomplete)).toThrow(MissingVariableError);
    expect(() => composeServices(incomplete)).toThrow(/^PERSONNEL_ID_HMAC_KEY: /);
    expect(requiredVariables(repositoryFile('docker-compose.yml'))).toEqual(Object.keys(operatorEnv).sort());
  });

  it('interpolates as Compose does', () => {
    expect(interpolate('$${USER} ${A:-x} ${B-y} $C', { A: '', B: '', C: 'c' })).toBe('${USER} x  c');
    expect(() => interpolate('${A:?set A}', { A: '' })).toThrow('A: set A');
  });

  it('runs Redis with AOF and noeviction, NATS with JetStream and the platform users', () => {
    const redisConf = repositoryFile('infra/redis/redis.conf');
    expect(redisConf).toMatch(/^appendonly yes$/m);
    expect(redisConf).toMatch(/^maxmemory-policy noeviction$/m);
    expect(repositoryFile('infra/nats/nats.conf')).toMatch(/^jetstream \{/m);
    expect(repositoryFile('infra/nats/nats.conf')).toMatch(/^include \.\/users\.conf$/m);
    const passwords = [...repositoryFile('infra/nats/users.conf').matchAll(/password: \$(NATS_[A-Z_]+_PASSWORD)/g)];
    expect(passwords.length).toBeGreaterThan(5);
    for (const [, variable] of passwords) expect(service('nats').environment[variable!]).toBe(operatorEnv[variable!]);
  });
});
