/**
 * Checks of the arguments of the public functions: a wrong one is a
 * `TypeError` that names the function and what it expected, thrown at the
 * call, not a crash deep inside.
 */

/** How an unexpected argument is named in a TypeError: `undefined`, `null`, `a number`, `an array`... */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  const t = typeof value;
  if (t === 'object') return `an object (${value instanceof Object && value.constructor !== Object ? value.constructor.name : 'Object'})`;
  return t === 'undefined' ? t : `a ${t}`;
}

/** Throws `fn: \`name\` must be <what>, not <value>` unless `ok`. */
export function expectArgument(ok: boolean, fn: string, name: string, what: string, value: unknown): void {
  if (!ok) throw new TypeError(`${fn}: \`${name}\` must be ${what}, not ${describeValue(value)}`);
}

/** An options argument: absent, or an object. */
export function expectOptions(fn: string, value: unknown, name = 'options'): void {
  expectArgument(value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value)), fn, name, 'an object (or left out)', value);
}

/** A resolved configuration (from `resolveConfig` or `loadConfig`). */
export function expectConfig(fn: string, value: unknown, name = 'config'): void {
  const c = value as { rules?: unknown; customTypes?: unknown } | null;
  const ok = typeof c === 'object' && c !== null && typeof c.rules === 'object' && c.rules !== null && Array.isArray(c.customTypes);
  expectArgument(ok, fn, name, 'a resolved configuration (from resolveConfig() or loadConfig())', value);
}
