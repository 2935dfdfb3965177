/**
 * Every request handler runs through `guard`: its params are checked first
 * (malformed or missing params get the empty answer and one short log line),
 * it bails out with the empty answer when the request was cancelled (before it
 * starts and after it finishes), and an error inside a handler is logged and
 * answered with the empty answer — never thrown at the client.
 *
 * Handlers are registered by method name (`connection.onRequest(method, …)`),
 * not through `connection.onHover` and the like: those wrappers read
 * `params.workDoneToken` before our code runs, so `params: null` failed inside
 * the library with -32603. Registered by name, a handler is called as
 * vscode-jsonrpc calls any handler — `(token)` without params, `(params,
 * token)`, or `(...params, token)` for params by position — and `guard` sorts
 * that out.
 */
import { CancellationToken } from 'vscode-languageserver/node';

export type Logger = (message: string) => void;

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** The params and the token of a handler called by vscode-jsonrpc (the token always comes last). */
function split(args: unknown[]): { params: unknown; token: CancellationToken } {
  const last = args[args.length - 1];
  const token = CancellationToken.is(last) ? last : CancellationToken.None;
  const params = CancellationToken.is(last) ? args.slice(0, -1) : args;
  // One object: LSP's params by name. None, or several by position: not what any of our requests takes.
  return { params: params.length === 1 ? params[0] : undefined, token };
}

export function guard<P, R>(
  log: Logger,
  name: string,
  empty: () => R,
  check: (params: unknown) => P | undefined,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (...args: unknown[]) => Promise<R> {
  return async (...args) => {
    const { params: raw, token } = split(args);
    if (token.isCancellationRequested) return empty();
    const params = check(raw);
    if (params === undefined) {
      log(`govmark: ${name}: malformed params ignored`);
      return empty();
    }
    try {
      const result = await handler(params, token);
      return token.isCancellationRequested ? empty() : result;
    } catch (error) {
      log(`govmark: ${name} failed: ${describeError(error)}`);
      return empty();
    }
  };
}

/**
 * The same for a notification: malformed params are dropped (one log line),
 * and an error inside the handler is logged, not left to the library (which
 * logs it as a failed handler with the TypeError's message).
 */
export function guardNotification<P>(log: Logger, name: string, check: (params: unknown) => P | undefined, handler: (params: P) => void | Promise<void>): (...args: unknown[]) => Promise<void> {
  return async (...args) => {
    const params = check(args.length === 1 ? args[0] : undefined);
    if (params === undefined) {
      log(`govmark: ${name}: malformed params ignored`);
      return;
    }
    try {
      await handler(params);
    } catch (error) {
      log(`govmark: ${name} failed: ${describeError(error)}`);
    }
  };
}
