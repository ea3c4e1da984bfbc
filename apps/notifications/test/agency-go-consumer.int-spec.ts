import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { EntityManager } from '@mikro-orm/postgresql';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { v4 as uuidv4 } from 'uuid';

import { EVENT_STREAM, IssueAgencyNatsUser } from '@tic/contracts';
import { eventually } from '@tic/testing';

import { renderAgencyUsersFile } from '../src/agency-nats/render-agency-users';
import { CALLERS, centerEstablished, ORGS, runningNotifications, sampleEvent } from './harness';

const run = promisify(execFile);
const EXAMPLE = join(__dirname, '..', '..', '..', 'examples', 'agency-consumer-go');
// Debian's golang-github-nats-io-go-nats-dev puts nats.go here; the build then needs no module proxy.
const DEBIAN_GOPATH = '/usr/share/gocode';
const goInstalled = spawnSync('go', ['version']).status === 0;
const natsGoInstalled = existsSync(join(DEBIAN_GOPATH, 'src', 'github.com', 'nats-io', 'nats.go'));
const ready = goInstalled && natsGoInstalled;
if (!ready) {
  process.stderr.write(
    'SKIPPED the Go agency consumer (examples/agency-consumer-go): needs `apt-get install golang-go golang-github-nats-io-go-nats-dev`\n',
  );
}

/** README, Agencies on JetStream: the Go example, built with the official client nats.go, reads as an agency. */
(ready ? describe : describe.skip)('an agency’s consumer in Go (official nats.go client)', () => {
  const service = runningNotifications('agency_go');
  const work = mkdtempSync(join(tmpdir(), 'tic-agency-go-'));
  const binary = join(work, 'agency-consumer');

  beforeAll(async () => {
    await run('go', ['build', '-o', binary, '.'], {
      cwd: EXAMPLE,
      env: { ...process.env, GO111MODULE: 'off', GOPATH: DEBIAN_GOPATH, GOCACHE: join(work, 'cache') },
    });
  }, 240_000);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('creates its durable, prints every event a service published and acknowledges them', async () => {
    const agency = await service.call(IssueAgencyNatsUser, { orgId: ORGS.agency }, CALLERS.dst);
    const usersFile = service.nats.usersFile ?? '';
    await renderAgencyUsersFile(service.app.get(EntityManager).fork(), { from: usersFile, out: usersFile });
    service.nats.reload();
    const centerId = uuidv4();
    const events = [centerEstablished(centerId), sampleEvent('tic.center.renamed', centerId, { centerId }, 2)];
    await service.publish(events);
    const env = { ...process.env, NATS_URL: service.nats.url, NATS_USER: agency.user, NATS_PASSWORD: agency.password };
    // The reload takes effect a moment after the signal: until then the user is unknown to the server.
    const { stdout } = await eventually(() => run(binary, ['-idle', '3s'], { env }), 20_000, 200);

    expect(stdout.trim().split('\n')).toEqual([
      `tic.center.established ${events[0]?.id} ${centerId} v1`,
      `tic.center.renamed ${events[1]?.id} ${centerId} v2`,
    ]);
    const nc = await connect({
      servers: service.nats.url,
      user: agency.user,
      pass: agency.password,
      inboxPrefix: agency.inboxPrefix,
    });
    const info = await (await jetstreamManager(nc)).consumers.info(EVENT_STREAM, agency.durable);
    await nc.close();
    expect({ pending: info.num_pending, unacknowledged: info.num_ack_pending }).toEqual({
      pending: 0,
      unacknowledged: 0,
    });
  });
});
