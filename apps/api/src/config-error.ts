/** A setting that breaks its rule: the server refuses to start with this message alone. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
