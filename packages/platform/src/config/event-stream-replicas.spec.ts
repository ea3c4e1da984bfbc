import { z } from 'zod';

import { eventStreamConfig } from '../events/event-stream';
import { ConfigError, parseConfig, serviceConfigSchema } from './config';
import { eventStreamReplicas } from './event-stream-replicas';

describe('the event stream replicas (EVENT_STREAM_REPLICAS)', () => {
  it('keeps one copy on a single server unless a cluster is named', () => {
    expect(eventStreamReplicas({})).toBe(1);
    expect(eventStreamConfig(eventStreamReplicas({})).num_replicas).toBe(1);
  });

  it('keeps three copies on a three-node cluster', () => {
    expect(eventStreamConfig(eventStreamReplicas({ EVENT_STREAM_REPLICAS: '3' })).num_replicas).toBe(3);
  });

  it.each(['0', '6', 'three', '2.5'])('refuses %s, naming the setting', (value) => {
    expect(() => eventStreamReplicas({ EVENT_STREAM_REPLICAS: value })).toThrow(ConfigError);
    expect(() => eventStreamReplicas({ EVENT_STREAM_REPLICAS: value })).toThrow(
      /^invalid configuration: EVENT_STREAM_REPLICAS: /,
    );
  });

  it('is checked with the rest of a service configuration at start', () => {
    const schema = serviceConfigSchema({ HTTP_PORT: z.coerce.number().int().default(3199) });
    expect(parseConfig(schema, { TIC_DEV: '1', EVENT_STREAM_REPLICAS: '3' }).EVENT_STREAM_REPLICAS).toBe(3);
    expect(() => parseConfig(schema, { TIC_DEV: '1', EVENT_STREAM_REPLICAS: '7' })).toThrow(/EVENT_STREAM_REPLICAS/);
  });
});
