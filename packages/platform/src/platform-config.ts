import type { ServiceName } from '@tic/contracts';

/** The service's parsed configuration (a BaseConfig, extended by the service's own settings). */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');

/** Which service this process is, so that shared modules (deadlines…) need not be told again. */
export const SERVICE_IDENTITY = Symbol('SERVICE_IDENTITY');

export interface ServiceIdentity {
  readonly service: ServiceName;
  readonly version: string;
}
