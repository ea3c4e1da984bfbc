/** A URL fit for a log line: any user name and password replaced (`nats://***@host:4222`). */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1***@');
}

/** Every URL with credentials inside a text (an error message naming its connection string) redacted. */
export function redactUrls(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^@/\s]*@/gi, '$1***@');
}
