/** Thrown when the environment does not satisfy the schema; its message is one line naming each bad setting. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
