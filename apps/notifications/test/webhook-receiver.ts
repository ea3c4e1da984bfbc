import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One delivery as an agency's receiver saw it, verified against a secret. */
export interface ReceivedDelivery {
  readonly webhookId: string;
  readonly type: string;
  readonly subject: string;
  readonly centerId: string | null;
  readonly position: string;
  readonly signatures: number;
  /** The secrets (of those the receiver holds) that verify it, by index. */
  readonly verifiedBy: readonly number[];
  readonly headers: IncomingHttpHeaders;
}

/** What the receiver answers a delivery: a status, or no answer at all (to try the timeout). */
export type Answer = number | 'hang';

/**
 * An agency's webhook receiver on 127.0.0.1: a real HTTP server that verifies every delivery with the
 * Standard Webhooks reference library (standardwebhooks), as an agency would, and records each one
 * it accepted. A delivery no secret verifies is answered 401 and recorded as `forged`.
 */
export class WebhookReceiver {
  readonly accepted: ReceivedDelivery[] = [];
  readonly refused: ReceivedDelivery[] = [];
  forged = 0;
  secrets: string[] = [];
  answer: (delivery: ReceivedDelivery) => Answer = () => 204;
  /** Milliseconds before each answer, to keep deliveries in flight. */
  delayMs = 0;
  private server: Server | undefined;
  private readonly hanging = new Set<() => void>();

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const delivery = this.verify(body, request.headers);
        if (delivery === null) {
          this.forged += 1;
          response.writeHead(401).end();
          return;
        }
        const answer = this.answer(delivery);
        if (answer === 'hang') {
          this.refused.push(delivery);
          const release = () => response.destroy();
          this.hanging.add(release);
          response.on('close', () => this.hanging.delete(release));
          return;
        }
        setTimeout(() => {
          (answer >= 200 && answer < 300 ? this.accepted : this.refused).push(delivery);
          response.writeHead(answer).end();
        }, this.delayMs);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  async stop(): Promise<void> {
    for (const release of this.hanging) release();
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Event ids in the order they were accepted (with repeats). */
  ids(): string[] {
    return this.accepted.map((delivery) => delivery.webhookId);
  }

  /**
   * Event ids in the order they were first accepted: what a receiver keeps that drops a repeated
   * `webhook-id`, as Standard Webhooks asks of it, since deliveries are at least once (CONTRACT.md).
   */
  firstIds(): string[] {
    return [...new Set(this.ids())];
  }

  private verify(body: string, headers: IncomingHttpHeaders): ReceivedDelivery | null {
    const verifiedBy = this.secrets.flatMap((secret, index) => {
      try {
        new Webhook(secret).verify(body, headers as Record<string, string>);
        return [index];
      } catch {
        return [];
      }
    });
    if (verifiedBy.length === 0) return null;
    const event = JSON.parse(body) as {
      id: string;
      type: string;
      subject: string;
      position: string;
      data: { centerId?: string };
    };
    return {
      webhookId: String(headers['webhook-id']),
      type: event.type,
      subject: event.subject,
      centerId: event.data.centerId ?? null,
      position: event.position,
      signatures: String(headers['webhook-signature']).split(' ').length,
      verifiedBy,
      headers,
    };
  }
}
