import type { z } from 'zod';

import { applicationsConfigSchema } from '@tic/applications/dist/config';
import { evaluationsConfigSchema } from '@tic/evaluations/dist/config';
import { fundingConfigSchema } from '@tic/funding/dist/config';
import { gatewayConfigSchema } from '@tic/gateway/dist/config/gateway-config';
import { notificationsConfigSchema } from '@tic/notifications/dist/config';
import { personnelConfigSchema } from '@tic/personnel/dist/config';
import { ConfigError, parseConfig } from '@tic/platform';

/** Every process the image runs, with the schema its configuration is read with at start. */
export const PLATFORM_PROCESSES = {
  applications: applicationsConfigSchema,
  personnel: personnelConfigSchema,
  evaluations: evaluationsConfigSchema,
  funding: fundingConfigSchema,
  notifications: notificationsConfigSchema,
  gateway: gatewayConfigSchema,
} as const satisfies Record<string, z.ZodType>;

export type PlatformProcess = keyof typeof PLATFORM_PROCESSES;
export const SERVICES = ['applications', 'personnel', 'evaluations', 'funding', 'notifications'] as const;

// Read by Node or the image itself, not by a config schema.
const RUNTIME_VARIABLES = new Set(['NODE_OPTIONS', 'NODE_ENV']);

/** The variable names a process's schema reads. */
export function settingNames(process: PlatformProcess): string[] {
  const schema: unknown = PLATFORM_PROCESSES[process];
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  if (shape === undefined) throw new Error(`the ${process} config schema has no shape to read its names from`);
  return Object.keys(shape).sort();
}

/** Variables the deployment gives a process that its schema does not read: a typo, or a stale name. */
export function unreadSettings(process: PlatformProcess, env: Readonly<Record<string, string>>): string[] {
  const known = new Set(settingNames(process));
  return Object.keys(env).filter((name) => !known.has(name) && !RUNTIME_VARIABLES.has(name));
}

/**
 * What the process would say of this environment at start, as in production (no TIC_DEV): undefined
 * when it starts, else its one-line refusal naming each bad setting.
 */
export function startRefusal(process: PlatformProcess, env: Readonly<Record<string, string>>): string | undefined {
  try {
    parseConfig(PLATFORM_PROCESSES[process], { ...env, NODE_ENV: 'production' });
    return undefined;
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
}

/** The process a command starts (`node apps/<process>/dist/…`), if it is one of the platform's. */
export function processOfCommand(command: readonly string[]): PlatformProcess | undefined {
  const script = command.join(' ').match(/apps\/([a-z]+)\/dist\//)?.[1];
  return script !== undefined && script in PLATFORM_PROCESSES ? (script as PlatformProcess) : undefined;
}
