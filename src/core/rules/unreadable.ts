/** The message for a file that could not be read: apart from the rule registry, so a run answered from the cache does not load every rule. */
import type { ResolvedConfig } from '../config.js';
import type { GovMessage } from '../message.js';
import { ruleUrl } from './rule.js';

/**
 * A file that could not be read at all, as a message of `unreadable-file` on
 * its first line (undefined when the rule is off). `reason` says why, in the
 * user's words ("permission denied").
 */
export function unreadableFileMessage(uri: string, reason: string, config: ResolvedConfig): GovMessage | undefined {
  const setting = config.rules['unreadable-file'];
  if (setting === 'off') return undefined;
  const start = { line: 1, column: 1, offset: 0 };
  return {
    ruleId: 'unreadable-file',
    severity: setting ?? 'warning',
    reason: `This file could not be read (${reason}), so nothing in it was checked.`,
    uri,
    range: { start, end: start },
    source: 'govmark',
    url: ruleUrl('unreadable-file'),
  };
}
