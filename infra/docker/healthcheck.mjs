// The image's HEALTHCHECK: GET /health on the port this process serves. A service listens on HTTP_PORT,
// the gateway on PORT (3000 unless set). A migration exits long before its first probe counts.
const port = process.env.HTTP_PORT ?? process.env.PORT ?? '3000';
try {
  const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2500) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
