import { escapeHtml, renderAsyncApiPage } from './asyncapi-page';

const DOCUMENT = {
  asyncapi: '3.0.0',
  info: { title: 'Events <script>alert(1)</script>', version: '1.0.0', description: 'a & b' },
  servers: { nats: { host: 'localhost:4222', protocol: 'nats', description: 'JetStream' } },
  channels: {
    centerEstablished: {
      address: 'tic.events.center.established',
      title: 'tic.center.established',
      servers: [{ $ref: '#/servers/nats' }],
      messages: { CenterEstablished: { $ref: '#/components/messages/CenterEstablished' } },
    },
  },
  operations: {
    publishCenterEstablished: {
      action: 'send',
      channel: { $ref: '#/channels/centerEstablished' },
      summary: 'Published by applications',
    },
  },
  components: {
    messages: {
      CenterEstablished: {
        name: 'tic.center.established',
        payload: { $ref: '#/components/schemas/CenterEstablished' },
        examples: [{ name: 'an example', payload: { id: 'e-1', note: '"quoted" <b>' } }],
      },
    },
    schemas: { CenterEstablished: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } } },
  },
};

describe('the AsyncAPI page', () => {
  const html = renderAsyncApiPage(DOCUMENT);

  it('shows each channel’s address, operation, resolved payload schema and examples', () => {
    expect(html).toContain('<code>tic.events.center.established</code>');
    expect(html).toContain('<strong>send</strong>: Published by applications');
    expect(html).toContain('&quot;format&quot;: &quot;uuid&quot;');
    expect(html).toContain('Example an example');
    expect(html).toContain('<a href="#centerEstablished">');
    expect(html).toContain('<code>nats://localhost:4222</code>');
  });

  it('escapes every text of the document and loads nothing', () => {
    expect(html).not.toContain('<script');
    expect(html).toContain('Events &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a &amp; b');
    expect(html).toContain('\\&quot;quoted\\&quot; &lt;b&gt;');
    expect(escapeHtml(`<a href='x'>&</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
  });
});
