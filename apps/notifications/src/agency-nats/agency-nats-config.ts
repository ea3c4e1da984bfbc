import { EVENT_STREAM } from '@tic/contracts';

/** An agency's NATS user as it goes into the server's configuration: its name and bcrypt hash, never the password. */
export interface AgencyNatsUserEntry {
  readonly user: string;
  readonly passwordHash: string;
  /** For the reader of the rendered file: which organization the user belongs to. */
  readonly orgId: string;
}

/** What an agency needs to connect and read (CONTRACT.md, Events, way 2). */
export interface AgencyConnectionSettings {
  readonly user: string;
  readonly inboxPrefix: string;
  readonly durable: string;
  readonly stream: string;
  readonly filterSubject: string;
}

/** The lines of users.conf between which the rendered agency users go (an `include` cannot sit in an array). */
export const AGENCY_USERS_BEGIN = '# tic:agency-users:begin';
export const AGENCY_USERS_END = '# tic:agency-users:end';

const USER_NAME = /^agency_[a-z0-9]{1,64}$/;
const BCRYPT_HASH = /^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The NATS user of an organization: `agency_` and the id's hex digits. Only [a-z0-9_], so the name is
 * one subject token and a valid durable name, and no organization can be given a name that reaches
 * into another's subjects (2.9 matches whole tokens).
 */
export function agencyNatsUserName(orgId: string): string {
  if (!UUID.test(orgId)) throw new Error(`an organization id is a UUID, not ${JSON.stringify(orgId)}`);
  return `agency_${orgId.replace(/-/g, '').toLowerCase()}`;
}

/** The connection settings of an agency user: its durable is named after it and reads every event. */
export function agencyConnectionSettings(user: string): AgencyConnectionSettings {
  return {
    user,
    inboxPrefix: `_INBOX_${user}`,
    durable: user,
    stream: EVENT_STREAM,
    filterSubject: 'tic.events.>',
  };
}

/**
 * The subjects an agency may publish: stream info, create/info/delete/pull of its own durable, and the
 * acknowledgements of that durable's messages. Nothing of tic.rpc.>, tic.events.> or another consumer.
 */
export function agencyPublishSubjects(user: string): string[] {
  const api = `$JS.API.CONSUMER`;
  return [
    '$JS.API.INFO',
    `$JS.API.STREAM.INFO.${EVENT_STREAM}`,
    `${api}.CREATE.${EVENT_STREAM}.${user}`,
    `${api}.CREATE.${EVENT_STREAM}.${user}.>`,
    `${api}.DURABLE.CREATE.${EVENT_STREAM}.${user}`,
    `${api}.INFO.${EVENT_STREAM}.${user}`,
    `${api}.DELETE.${EVENT_STREAM}.${user}`,
    `${api}.MSG.NEXT.${EVENT_STREAM}.${user}`,
    `$JS.ACK.${EVENT_STREAM}.${user}.>`,
  ];
}

/** One agency's user block for the `users` array of nats-server 2.9's `authorization`. */
export function renderAgencyNatsUser(entry: AgencyNatsUserEntry): string {
  if (!USER_NAME.test(entry.user)) throw new Error(`not an agency NATS user name: ${JSON.stringify(entry.user)}`);
  if (!BCRYPT_HASH.test(entry.passwordHash)) throw new Error(`the password of ${entry.user} is not a bcrypt hash`);
  const publish = agencyPublishSubjects(entry.user)
    .map((subject) => `          ${JSON.stringify(subject)}`)
    .join(',\n');
  return [
    `    # Agency organization ${entry.orgId}: its durable ${entry.user} on ${EVENT_STREAM}, nothing else.`,
    `    {`,
    // Quoted: unquoted, nats-server would read `$2a…` as a variable reference.
    `      user: ${JSON.stringify(entry.user)}, password: ${JSON.stringify(entry.passwordHash)}`,
    `      permissions: {`,
    `        publish: {`,
    `          allow: [`,
    publish,
    `          ]`,
    `        }`,
    `        subscribe: { allow: [${JSON.stringify(`${agencyConnectionSettings(entry.user).inboxPrefix}.>`)}] }`,
    `      }`,
    `    }`,
  ].join('\n');
}

/**
 * users.conf with the region between the agency markers replaced by these agencies (sorted by user, so
 * that the same set renders the same file). Rendering a rendered file again gives the same result.
 */
export function renderUsersConf(platformUsersConf: string, agencies: readonly AgencyNatsUserEntry[]): string {
  const lines = platformUsersConf.split('\n');
  const begin = lines.findIndex((line) => line.trim() === AGENCY_USERS_BEGIN);
  const end = lines.findIndex((line) => line.trim() === AGENCY_USERS_END);
  if (begin < 0 || end < begin) {
    throw new Error(`users.conf has no region "${AGENCY_USERS_BEGIN}" … "${AGENCY_USERS_END}" inside its users array`);
  }
  const names = new Set<string>();
  for (const agency of agencies) {
    if (names.has(agency.user)) throw new Error(`agency NATS user ${agency.user} twice`);
    names.add(agency.user);
  }
  const blocks = [...agencies].sort((a, b) => a.user.localeCompare(b.user)).map(renderAgencyNatsUser);
  return [...lines.slice(0, begin + 1), ...blocks, ...lines.slice(end)].join('\n');
}
