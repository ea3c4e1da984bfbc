import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';

/**
 * The service's NATS connection for JetStream (events in and out). Request/reply runs on NestJS's
 * NATS transport, which keeps a connection of its own; both use the same v3 client.
 */
@Injectable()
export class NatsConnectionService implements OnApplicationShutdown {
  private readonly logger = new Logger(NatsConnectionService.name);
  private connection?: NatsConnection;
  private manager?: JetStreamManager;

  constructor(
    private readonly url: string,
    private readonly name: string,
  ) {}

  /** Connects once; later calls return the same connection. */
  async connect(): Promise<NatsConnection> {
    if (!this.connection) {
      this.connection = await connect({ servers: this.url, name: this.name, maxReconnectAttempts: -1 });
      this.logger.log(`connected to NATS at ${this.url}`);
    }
    return this.connection;
  }

  async jetstream(): Promise<JetStreamClient> {
    return jetstream(await this.connect());
  }

  async jetstreamManager(): Promise<JetStreamManager> {
    this.manager ??= await jetstreamManager(await this.connect());
    return this.manager;
  }

  /** Whether the connection is open (for health). */
  isConnected(): boolean {
    return this.connection !== undefined && !this.connection.isClosed();
  }

  // Drain, not close: in-flight acknowledgements and publishes complete first.
  async onApplicationShutdown(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (connection && !connection.isClosed()) await connection.drain();
  }
}
