import 'reflect-metadata';

import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';

import { serviceNameSchema } from '@tic/contracts';

import { developmentNatsPassword } from '../config/trust-config';
import { openOrm } from '../database/orm-config';
import { StreamRebuild, type StreamRebuildReport } from './stream-rebuild';

// `npm run events:rebuild-stream [-- --check]`: makes TIC_EVENTS hold every journal event of the services
// once (README "Backup and restore"). DATABASE_URL and NATS_URL name the platform's database and NATS;
// each service's events are published as its own NATS user, with the password users.conf reads
// (NATS_<SERVICE>_PASSWORD; the development one with TIC_DEV=1).
const USAGE = 'usage: rebuild-stream-cli --services <service,service,…> [--check]';

async function main(argv: readonly string[]): Promise<number> {
  const check = argv.includes('--check');
  const listed = (argv[argv.indexOf('--services') + 1] ?? '').split(',').filter(Boolean);
  const services = listed.map((name) => serviceNameSchema.safeParse(name));
  if (!argv.includes('--services') || services.length === 0 || services.some((s) => !s.success)) {
    process.stderr.write(`${USAGE}\n  services: ${serviceNameSchema.options.join(', ')}\n`);
    return 2;
  }
  const dev = /^(1|true|yes|on)$/i.test(process.env.TIC_DEV ?? '');
  const passwords = new Map<string, string>();
  for (const service of listed) {
    const variable = `NATS_${service.toUpperCase()}_PASSWORD`;
    const password = process.env[variable] ?? (dev ? developmentNatsPassword(service) : undefined);
    if (password === undefined) {
      process.stderr.write(`${variable} must be set (the password users.conf gives ${service})\n`);
      return 2;
    }
    passwords.set(service, password);
  }
  // Outside development both must be named: journals of another database published into this stream
  // would have to be emptied out again.
  const servers = process.env.NATS_URL ?? (dev ? 'nats://127.0.0.1:4222' : undefined);
  const databaseUrl = process.env.DATABASE_URL ?? (dev ? 'postgres://postgres@127.0.0.1:5432/test' : undefined);
  if (servers === undefined || databaseUrl === undefined) {
    process.stderr.write('DATABASE_URL and NATS_URL must be set (the restored database and the NATS to rebuild)\n');
    return 2;
  }
  const connections: NatsConnection[] = [];
  const orm = await openOrm({
    databaseUrl,
    schema: listed[0] ?? '',
    entities: [],
    migrationsPath: __dirname,
  });
  try {
    const publishers = new Map<string, ReturnType<typeof jetstream>>();
    for (const [service, pass] of passwords) {
      const nc = await connect({
        servers,
        user: service,
        pass,
        inboxPrefix: `_INBOX_${service}`,
        name: 'rebuild-stream',
      });
      connections.push(nc);
      publishers.set(service, jetstream(nc));
    }
    const first = connections[0];
    if (!first) return 2;
    const report = await new StreamRebuild(orm, await jetstreamManager(first), publishers).run({ publish: !check });
    process.stdout.write(describe(report, check));
    if (report.refused || report.heldByDuplicateWindow > 0) return 1;
    return check && report.missing > 0 ? 1 : 0;
  } finally {
    await Promise.all(connections.map((nc) => nc.drain()));
    await orm.close();
  }
}

function describe(report: StreamRebuildReport, check: boolean): string {
  const lines = [
    `journals: ${report.journalEvents} published events (${report.leftForRelays} more never published, left to the relays)`,
    `TIC_EVENTS before: ${report.streamMessagesBefore} messages; missing ${report.missing}, foreign ${report.foreign}, duplicated ${report.duplicated}, without an event id ${report.unnamed}`,
  ];
  if (report.refused)
    lines.push(
      'refused: the stream holds events the journals do not (or some twice); empty it (README "Backup and restore") and run again',
    );
  else if (check)
    lines.push(report.missing === 0 ? 'consistent' : 'inconsistent: run without --check to publish what is missing');
  else if (report.heldByDuplicateWindow > 0)
    lines.push(
      `published ${report.published}; ${report.heldByDuplicateWindow} deleted from the stream within its duplicate window (2 minutes) were dropped as duplicates: run again after it`,
    );
  else lines.push(`published ${report.published}; TIC_EVENTS now holds every journal event once`);
  return `${lines.join('\n')}\n`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`rebuild-stream failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
