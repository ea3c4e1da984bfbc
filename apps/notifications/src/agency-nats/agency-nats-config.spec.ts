import {
  AGENCY_USERS_BEGIN,
  AGENCY_USERS_END,
  agencyNatsUserName,
  agencyPublishSubjects,
  renderAgencyNatsUser,
  renderUsersConf,
} from './agency-nats-config';

const ORG = '3f2a9c1e-7b4d-4e8a-9f01-23456789abcd';
const USER = 'agency_3f2a9c1e7b4d4e8a9f0123456789abcd';
const HASH = `$2b$11$${'a'.repeat(53)}`;
const entry = { user: USER, passwordHash: HASH, orgId: ORG };

const PLATFORM = [
  'authorization {',
  '  users = [',
  '    { user: gateway, password: $NATS_GATEWAY_PASSWORD }',
  `    ${AGENCY_USERS_BEGIN}`,
  `    ${AGENCY_USERS_END}`,
  '  ]',
  '}',
  '',
].join('\n');

describe('an agency NATS user (CONTRACT.md, Events, way 2)', () => {
  it('is named after its organization with only lower-case letters, digits and one underscore', () => {
    expect(agencyNatsUserName(ORG)).toBe(USER);
    expect(agencyNatsUserName(ORG.toUpperCase())).toBe(USER);
  });

  it.each(['', 'x', `${ORG}.>`, 'agency_demo', '*', '3f2a9c1e-7b4d-4e8a-9f01-23456789abc'])(
    'refuses %j as an organization id',
    (orgId) => {
      expect(() => agencyNatsUserName(orgId)).toThrow(/UUID/);
    },
  );

  it('may publish only its durable’s API subjects, stream info and its acknowledgements', () => {
    const subjects = agencyPublishSubjects(USER);
    expect(subjects).toEqual([
      '$JS.API.INFO',
      '$JS.API.STREAM.INFO.TIC_EVENTS',
      `$JS.API.CONSUMER.CREATE.TIC_EVENTS.${USER}`,
      `$JS.API.CONSUMER.CREATE.TIC_EVENTS.${USER}.>`,
      `$JS.API.CONSUMER.DURABLE.CREATE.TIC_EVENTS.${USER}`,
      `$JS.API.CONSUMER.INFO.TIC_EVENTS.${USER}`,
      `$JS.API.CONSUMER.DELETE.TIC_EVENTS.${USER}`,
      `$JS.API.CONSUMER.MSG.NEXT.TIC_EVENTS.${USER}`,
      `$JS.ACK.TIC_EVENTS.${USER}.>`,
    ]);
    expect(subjects.some((subject) => subject.startsWith('tic.'))).toBe(false);
    expect(subjects.filter((subject) => subject.startsWith('$JS.API.CONSUMER')).every((s) => s.includes(USER))).toBe(
      true,
    );
  });

  it('renders a block with the bcrypt hash quoted, its inbox prefix as its only subscription, and no responses', () => {
    const block = renderAgencyNatsUser(entry);
    expect(block).toContain(`user: "${USER}", password: "${HASH}"`);
    expect(block).toContain(`subscribe: { allow: ["_INBOX_${USER}.>"] }`);
    expect(block).not.toContain('allow_responses');
    expect(block).not.toContain('tic.rpc');
    expect(block).toContain(`Agency organization ${ORG}`);
  });

  it.each([
    ['a clear password', { ...entry, passwordHash: 'hunter2-hunter2' }, /bcrypt/],
    ['a variable reference', { ...entry, passwordHash: '$NATS_GATEWAY_PASSWORD' }, /bcrypt/],
    ['a user name with a wildcard', { ...entry, user: 'agency_>' }, /user name/],
    ['a service’s user name', { ...entry, user: 'gateway' }, /user name/],
  ])('refuses to render %s', (_name, bad, message) => {
    expect(() => renderAgencyNatsUser(bad)).toThrow(message);
  });

  it('fills the region between the markers, sorted by user, and renders a rendered file to the same text', () => {
    const other = { user: 'agency_0000aaaa', passwordHash: HASH, orgId: 'other' };
    const once = renderUsersConf(PLATFORM, [entry, other]);
    expect(once.indexOf('agency_0000aaaa')).toBeLessThan(once.indexOf(USER));
    expect(once.indexOf(AGENCY_USERS_BEGIN)).toBeLessThan(once.indexOf('agency_0000aaaa'));
    expect(once.indexOf(USER)).toBeLessThan(once.indexOf(AGENCY_USERS_END));
    expect(once).toContain('{ user: gateway, password: $NATS_GATEWAY_PASSWORD }');
    expect(renderUsersConf(once, [other, entry])).toBe(once);
    expect(renderUsersConf(once, [])).toBe(PLATFORM);
  });

  it('refuses a users.conf without the region, and the same user twice', () => {
    expect(() => renderUsersConf('authorization { users = [] }', [entry])).toThrow(/region/);
    expect(() => renderUsersConf(PLATFORM, [entry, entry])).toThrow(/twice/);
  });
});
