import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Parser } from '@asyncapi/parser';

import { EVENT_DEFINITIONS } from '../event-catalogue';
import { renderAsyncApiDocument } from './build-asyncapi';

const CHECKED_IN = join(__dirname, '..', '..', 'asyncapi.json');

describe('the AsyncAPI document', () => {
  it('is up to date with the event definitions (run `npm run build && npm run asyncapi -w @tic/contracts` when this fails)', () => {
    expect(readFileSync(CHECKED_IN, 'utf8')).toBe(renderAsyncApiDocument());
  });

  it('is a valid AsyncAPI 3 document', async () => {
    const { document, diagnostics } = await new Parser().parse(renderAsyncApiDocument());
    // The parser returns no document when any diagnostic is an error; list them to say why.
    const errors = document === undefined ? diagnostics.map((d) => `${d.path.join('.')}: ${d.message}`) : [];
    expect(errors).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
  });

  it('has a channel per event type at its subject', async () => {
    const { document } = await new Parser().parse(renderAsyncApiDocument());
    const addresses = document
      ?.channels()
      .all()
      .map((c) => c.address());
    expect(addresses).toEqual(EVENT_DEFINITIONS.map((d) => d.subject));
  });
});
