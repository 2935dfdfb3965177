/**
 * A document's own messages joined with the cross-document ones, in message order. Apart from
 * combine.ts so that a host reusing cached cross-document messages does not load the rules.
 */
import { compareMessages, type GovMessage } from '../message.js';

/** `own` followed by `extra`, sorted; `own` itself when there is nothing to add. */
export function withCrossMessages(own: GovMessage[], extra: readonly GovMessage[] | undefined): GovMessage[] {
  return extra?.length ? [...own, ...extra].sort(compareMessages) : own;
}
