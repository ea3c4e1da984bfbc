import type { Observed } from './response-check';
import type { RequestCase } from './request-cases';

/** Sends one generated request to the gateway as a client would, and reads what came back. */
export async function sendCase(
  baseUrl: string,
  method: string,
  request: RequestCase,
  token: string | undefined,
): Promise<Observed> {
  const query = new URLSearchParams(request.query).toString();
  const headers: Record<string, string> = {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...request.headers,
  };
  let body: string | undefined;
  if (request.raw) {
    headers['content-type'] = request.raw.contentType;
    body = request.raw.text;
  } else if (request.body !== undefined && method !== 'get') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.body);
  }
  const response = await fetch(`${baseUrl}${request.path}${query ? `?${query}` : ''}`, {
    method: method.toUpperCase(),
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const contentType = response.headers.get('content-type') ?? '';
  const text = await response.text();
  let parsed: unknown = text;
  if (/json/.test(contentType) && text !== '') parsed = JSON.parse(text) as unknown;
  return { status: response.status, contentType, body: parsed };
}
