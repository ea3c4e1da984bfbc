// The demo's subscribers (DOMAIN.md §7, CONTRACT.md Events): an agency's webhook receiver in this
// process, which checks every Standard Webhooks signature, and the supporting unit's email choices;
// at the end, what reached them and what waits in the mail catcher.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

/** A receiver on 127.0.0.1 that keeps each delivery once (by webhook-id) and refuses a bad signature. */
export async function startWebhookReceiver() {
  const deliveries = new Map();
  let secret;
  let forged = 0;
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const id = request.headers['webhook-id'];
      if (
        secret === undefined ||
        !signedWith(secret, id, request.headers['webhook-timestamp'], body, request.headers['webhook-signature'])
      ) {
        forged += 1;
        response.writeHead(401).end();
        return;
      }
      if (!deliveries.has(id)) deliveries.set(id, JSON.parse(body));
      response.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(Number(process.env.DEMO_WEBHOOK_PORT ?? 0), '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/tic/events`,
    deliveries,
    forged: () => forged,
    trust: (whsec) => (secret = Buffer.from(whsec.replace(/^whsec_/, ''), 'base64')),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// Standard Webhooks: v1,<base64 HMAC-SHA256 of "id.timestamp.body">, several separated by spaces.
function signedWith(key, id, timestamp, body, header) {
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof header !== 'string') return false;
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return header.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    const given = Buffer.from(signature ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** What the mail catcher (maildev 3, run by `npm start`; its API is under /api) holds, or undefined when none answers. */
export async function mailCatcherMessages() {
  const url = process.env.MAILDEV_URL ?? 'http://127.0.0.1:1080';
  try {
    const response = await fetch(`${url}/api/email`, { signal: AbortSignal.timeout(2000) });
    return response.ok ? { url, messages: await response.json() } : undefined;
  } catch {
    return undefined;
  }
}
