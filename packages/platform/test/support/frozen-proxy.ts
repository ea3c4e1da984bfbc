import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy to Postgres that can stop answering without closing anything: what a client sees when
 * its host freezes or the network silently drops packets (the server's sockets stay open, so TCP
 * keepalive on the server's side notices nothing for hours).
 */
export class FrozenProxy {
  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly sockets: Set<Socket>,
    private readonly state: { frozen: boolean },
  ) {}

  static async start(targetPort: number, targetHost = '127.0.0.1'): Promise<FrozenProxy> {
    const sockets = new Set<Socket>();
    const state = { frozen: false };
    const server = createServer((client) => {
      const upstream = connect(targetPort, targetHost);
      for (const [from, to] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        sockets.add(from);
        from.on('data', (chunk) => {
          if (!state.frozen) to.write(chunk);
        });
        from.on('error', () => {
          to.destroy();
        });
        from.on('close', () => {
          to.destroy();
        });
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('proxy has no port');
    return new FrozenProxy(server, address.port, sockets, state);
  }

  /** From now on, nothing passes either way; the connections stay open. */
  freeze(): void {
    this.state.frozen = true;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }
}
