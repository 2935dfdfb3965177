/**
 * Every request handler runs through `guard`: it bails out with the empty
 * answer when the request was cancelled (before it starts and after it
 * finishes), and an error inside a handler is logged and answered with the
 * empty answer — never thrown at the client.
 */
import type { CancellationToken } from 'vscode-languageserver/node';

export type Logger = (message: string) => void;

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function guard<P, R>(
  log: Logger,
  name: string,
  empty: () => R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    if (token.isCancellationRequested) return empty();
    try {
      const result = await handler(params, token);
      return token.isCancellationRequested ? empty() : result;
    } catch (error) {
      log(`govmark: ${name} failed: ${describeError(error)}`);
      return empty();
    }
  };
}
