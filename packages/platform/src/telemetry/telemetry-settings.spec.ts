import { join } from 'node:path';

import { sanitizeSql } from './sanitize-sql';
import { parseTraceparent } from './trace-context';
import { serviceNameOf, telemetrySettings } from './telemetry-settings';

describe('telemetry settings', () => {
  it('is off without an endpoint or exporter, so that tests and local runs pay for no span', () => {
    expect(telemetrySettings({}, 'funding')).toEqual({ enabled: false, serviceName: 'funding' });
  });

  it('is on with an OTLP endpoint (general or for traces) or a named exporter', () => {
    expect(telemetrySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, 'funding').enabled).toBe(true);
    expect(telemetrySettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces' }, 'x').enabled).toBe(
      true,
    );
    expect(telemetrySettings({ OTEL_TRACES_EXPORTER: 'console' }, 'x').enabled).toBe(true);
  });

  it('stays off when OTEL_SDK_DISABLED or OTEL_TRACES_EXPORTER=none says so, endpoint or not', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(telemetrySettings({ ...endpoint, OTEL_SDK_DISABLED: 'true' }, 'x').enabled).toBe(false);
    expect(telemetrySettings({ ...endpoint, OTEL_SDK_DISABLED: 'TRUE' }, 'x').enabled).toBe(false);
    expect(telemetrySettings({ ...endpoint, OTEL_TRACES_EXPORTER: 'none' }, 'x').enabled).toBe(false);
  });

  it('leaves the name to OTEL_SERVICE_NAME when it is set', () => {
    expect(telemetrySettings({ OTEL_SERVICE_NAME: 'funding-canary' }, 'funding')).toEqual({ enabled: false });
  });

  it('names a process after the package of its main script, without the scope', () => {
    const platformRoot = join(__dirname, '..', '..');
    expect(serviceNameOf(join(platformRoot, 'dist', 'main.js'))).toBe('platform');
    expect(serviceNameOf(undefined)).toBeUndefined();
  });
});

describe('SQL in spans', () => {
  it('loses its literal values and keeps its shape, identifiers and placeholders', () => {
    const sql = `insert into "personnel"."person" ("id", "name", "id_number", "c0") values ('a1', '王''五', '210102199001011234', 42), ($1, -3.5)`;
    expect(sanitizeSql(sql)).toBe(
      `insert into "personnel"."person" ("id", "name", "id_number", "c0") values (?, ?, ?, ?), ($1, ?)`,
    );
  });
});

describe('traceparent', () => {
  it('reads a W3C traceparent and refuses malformed or all-zero ids', () => {
    expect(parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toMatchObject({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: 1,
    });
    expect(parseTraceparent('00-00000000000000000000000000000000-00f067aa0ba902b7-01')).toBeUndefined();
    expect(parseTraceparent('not-a-traceparent')).toBeUndefined();
    expect(parseTraceparent(undefined)).toBeUndefined();
  });
});
