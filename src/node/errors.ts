/**
 * The errors that stop a run and are shown to the user as one line (the CLI
 * exits 2). Kept apart from the modules that throw them, which load the JSON
 * Schema validator and the file walker, so that reporting them (and
 * `govmark --version`) loads neither.
 */

/**
 * A config that cannot be used: one line naming the file and, where there is
 * one, the place (`govmark.config.yaml:4:1: unknown key 'ignore' (did you mean
 * 'ignores'?)`). The CLI prints it and exits 2; an editor shows it.
 */
export class ConfigError extends Error {
  constructor(
    message: string,
    /** The config file concerned. */
    readonly file: string,
    /** The key concerned, dotted (`types.board-paper.schema`), when there is one. */
    readonly key?: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** An input that names nothing readable: the run cannot go on. */
export class DiscoveryError extends Error {
  constructor(
    message: string,
    /** The input as the user typed it. */
    readonly input: string,
  ) {
    super(message);
    this.name = 'DiscoveryError';
  }
}
