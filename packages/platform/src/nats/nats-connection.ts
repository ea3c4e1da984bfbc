import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';

import { redactUrl } from '../logging/redact-url';
import type { NatsConnectOptions } from './nats-options';

/**
 * The service's NATS connection for JetStream (events in and out). Request/reply runs on NestJS's
 * NATS transport, which keeps a connection of its own; both use the same v3 client.
 */
@Injectable()
export class NatsConnectionService implements OnApplicationShutdown {
  private readonly logger = new Logger(NatsConnectionService.name);
  // The promise, not the connection: the relay and the consumers ask at once while the app starts, and
  // two connects left one connection that shutdown never drained, reconnecting forever (Jest hung on it).
  private connecting?: Promise<NatsConnection>;
  private connection?: NatsConnection;
  private manager?: Promise<JetStreamManager>;
  private shutDown = false;

  private readonly options: Partial<NatsConnectOptions> & Pick<NatsConnectOptions, 'servers'>;

  /** A bare URL connects with no user: tests of the kit on a nats-server without users.conf. */
  constructor(
    target: NatsConnectOptions | string,
    private readonly name: string,
  ) {
    this.options = typeof target === 'string' ? { servers: [target] } : target;
  }

  /** Connects once; later and concurrent calls share the same connection. */
  connect(): Promise<NatsConnection> {
    // After shutdown a late relay pass or consumer loop must not open a connection nobody will close.
    if (this.shutDown) return Promise.reject(new Error('the NATS connection has been shut down'));
    this.connecting ??= this.open();
    return this.connecting;
  }

  async jetstream(): Promise<JetStreamClient> {
    return jetstream(await this.connect());
  }

  jetstreamManager(): Promise<JetStreamManager> {
    this.manager ??= this.connect().then((connection) => jetstreamManager(connection));
    this.manager.catch(() => (this.manager = undefined));
    return this.manager;
  }

  /** Whether the connection is open (for health). */
  isConnected(): boolean {
    return this.connection !== undefined && !this.connection.isClosed();
  }

  // Drain, not close: in-flight acknowledgements and publishes complete first.
  async onApplicationShutdown(): Promise<void> {
    this.shutDown = true;
    const connecting = this.connecting;
    this.connecting = undefined;
    this.manager = undefined;
    const connection = await connecting?.catch(() => undefined);
    if (connection && !connection.isClosed()) await connection.drain();
  }

  private async open(): Promise<NatsConnection> {
    try {
      this.connection = await connect({ ...this.options, name: this.name, maxReconnectAttempts: -1 });
      this.logger.log(
        `connected to NATS at ${this.options.servers.map(redactUrl).join(', ')} as ${this.options.user ?? '(no user)'}`,
      );
      return this.connection;
    } catch (error) {
      // A failed first connect is retried by the next caller rather than remembered.
      this.connecting = undefined;
      throw error;
    }
  }
}
