import { developmentNatsPassword, type TrustConfig } from '../config/trust-config';

/** How a process connects to NATS: as its user, with replies on its own inbox prefix. */
export interface NatsConnectOptions {
  readonly servers: string[];
  readonly user: string;
  readonly pass: string;
  /** `_INBOX_<user>`: users.conf lets each user subscribe to its own replies only. */
  readonly inboxPrefix: string;
}

/**
 * The NATS user (NATS_USER, else `defaultUser`) with its password (NATS_PASSWORD; development:
 * `tic-dev-<user>`). Credentials written into NATS_URL (`nats://user:password@host`) are taken from
 * there instead, and the URL is kept without them, so that nothing logs them.
 */
export function natsConnectOptions(config: TrustConfig, defaultUser: string): NatsConnectOptions {
  const url = new URL(config.NATS_URL);
  const fromUrl = url.username === '' ? undefined : decodeURIComponent(url.username);
  const passwordFromUrl = url.password === '' ? undefined : decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  const user = fromUrl ?? config.NATS_USER ?? defaultUser;
  return {
    servers: [fromUrl === undefined ? config.NATS_URL : url.toString().replace(/\/$/, '')],
    user,
    pass: passwordFromUrl ?? config.NATS_PASSWORD ?? developmentNatsPassword(user),
    inboxPrefix: `_INBOX_${user}`,
  };
}
