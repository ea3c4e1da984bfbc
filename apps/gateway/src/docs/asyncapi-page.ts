type Json = Record<string, unknown>;

const STYLE = `
body { font: 15px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 2rem; color: #1b1f24; }
h1 { margin-bottom: .2rem; } h2 { border-bottom: 1px solid #d0d7de; margin-top: 2.5rem; } h3 { margin-bottom: .3rem; }
code, pre { font: 13px/1.45 ui-monospace, Menlo, Consolas, monospace; } pre { background: #f6f8fa; padding: .8rem; overflow-x: auto; }
nav ul { columns: 2; } .address { font-size: 1.05rem; } .muted { color: #57606a; } section.channel { margin-bottom: 2rem; }
details { margin: .4rem 0; } summary { cursor: pointer; font-weight: 600; } table { border-collapse: collapse; }
td, th { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left; vertical-align: top; }`;

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const asObject = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Follows a local `$ref` (`#/components/...`) of the document, or returns the value itself. */
function resolve(document: Json, value: unknown): Json {
  const ref = asObject(value).$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return asObject(value);
  let target: unknown = document;
  for (const part of ref.slice(2).split('/')) target = asObject(target)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return resolve(document, target);
}

const json = (value: unknown): string => `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;

function messageSection(document: Json, message: Json): string {
  const examples = Array.isArray(message.examples) ? (message.examples as unknown[]) : [];
  const payload = resolve(document, message.payload);
  const headers = message.headers === undefined ? undefined : resolve(document, message.headers);
  return [
    `<h4>Message <code>${escapeHtml(text(message.name) || text(message.title))}</code></h4>`,
    message.summary === undefined ? '' : `<p>${escapeHtml(text(message.summary))}</p>`,
    headers === undefined ? '' : `<details><summary>Headers</summary>${json(headers)}</details>`,
    `<details open><summary>Payload schema</summary>${json(payload)}</details>`,
    ...examples.map((example) => {
      const { name, summary, ...content } = asObject(example);
      const title = [text(name), text(summary)].filter((part) => part.length > 0).join(': ');
      return `<details><summary>Example ${escapeHtml(title)}</summary>${json(content)}</details>`;
    }),
  ].join('\n');
}

function channelSection(document: Json, id: string, channel: Json, operations: Json[]): string {
  const servers = (Array.isArray(channel.servers) ? (channel.servers as unknown[]) : []).map((server) =>
    text(asObject(server).$ref).replace('#/servers/', ''),
  );
  const messages = Object.values(asObject(channel.messages)).map((message) => resolve(document, message));
  return [
    `<section class="channel" id="${escapeHtml(id)}">`,
    `<h3>${escapeHtml(text(channel.title) || id)}</h3>`,
    `<div class="address">Address: <code>${escapeHtml(channel.address === null ? '(the subscriber’s URL)' : text(channel.address))}</code>`,
    servers.length > 0 ? ` <span class="muted">on ${escapeHtml(servers.join(', '))}</span>` : '',
    `</div>`,
    `<p>${escapeHtml(text(channel.description))}</p>`,
    ...operations.map(
      (operation) =>
        `<p><strong>${escapeHtml(text(operation.action))}</strong>: ${escapeHtml(text(operation.summary))}</p>`,
    ),
    ...messages.map((message) => messageSection(document, message)),
    `</section>`,
  ].join('\n');
}

/**
 * The AsyncAPI document as one HTML page made on the server: servers, then every channel with its
 * operations and messages (headers, payload schema, examples). No script and nothing from elsewhere,
 * so it reads offline and under the gateway's Content-Security-Policy.
 */
export function renderAsyncApiPage(document: Json): string {
  const info = asObject(document.info);
  const channels = Object.entries(asObject(document.channels)).map(([id, channel]) => [id, asObject(channel)] as const);
  const operations = Object.values(asObject(document.operations)).map(asObject);
  const operationsOf = (id: string) =>
    operations.filter((operation) => asObject(operation.channel).$ref === `#/channels/${id}`);
  const servers = Object.entries(asObject(document.servers)).map(([id, value]) => {
    const server = asObject(value);
    const address = `${text(server.protocol)}://${text(server.host)}${text(server.pathname)}`;
    return `<tr><td><code>${escapeHtml(id)}</code></td><td><code>${escapeHtml(address)}</code></td><td>${escapeHtml(text(server.description))}</td></tr>`;
  });
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(text(info.title))} (AsyncAPI ${escapeHtml(text(document.asyncapi))})</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(text(info.title))}</h1>
<p class="muted">Version ${escapeHtml(text(info.version))} · AsyncAPI ${escapeHtml(text(document.asyncapi))} · <a href="/asyncapi.json">asyncapi.json</a></p>
<p>${escapeHtml(text(info.description))}</p>
<h2>Servers</h2>
<table><tr><th>id</th><th>address</th><th>what</th></tr>
${servers.join('\n')}
</table>
<h2>Channels</h2>
<nav><ul>
${channels.map(([id, channel]) => `<li><a href="#${escapeHtml(id)}">${escapeHtml(text(channel.title) || id)}</a></li>`).join('\n')}
</ul></nav>
${channels.map(([id, channel]) => channelSection(document, id, channel, operationsOf(id))).join('\n')}
</body>
</html>
`;
}
