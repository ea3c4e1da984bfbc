import { redactUrl, redactUrls } from '../logging/redact-url';
import { natsConnectOptions } from './nats-options';

describe('how a process connects to NATS', () => {
  it('connects as its user with its own inbox prefix, on the development password outside production', () => {
    expect(natsConnectOptions({ TIC_DEV: true, NATS_URL: 'nats://127.0.0.1:4223' }, 'personnel')).toEqual({
      servers: ['nats://127.0.0.1:4223'],
      user: 'personnel',
      pass: 'tic-dev-personnel',
      inboxPrefix: '_INBOX_personnel',
    });
  });

  it('takes credentials out of NATS_URL, so that the URL it keeps (and logs) has none', () => {
    const options = natsConnectOptions(
      { TIC_DEV: false, NATS_URL: 'nats://gateway:p%40ss@nats:4222', NATS_USER: 'ignored' },
      'gateway',
    );
    expect(options).toEqual({
      servers: ['nats://nats:4222'],
      user: 'gateway',
      pass: 'p@ss',
      inboxPrefix: '_INBOX_gateway',
    });
  });

  it('redacts credentials of any URL in a log line', () => {
    expect(redactUrl('nats://gateway:secret@nats:4222')).toBe('nats://***@nats:4222');
    expect(redactUrl('nats://127.0.0.1:4222')).toBe('nats://127.0.0.1:4222');
    expect(redactUrls('lost postgres://tic:pw@db:5432/tic and redis://:pw@redis:6379')).toBe(
      'lost postgres://***@db:5432/tic and redis://***@redis:6379',
    );
  });
});
