/**
 * Where an action stands, as minutes write it when they report on it:
 * "Done", "Complete", "Carried forward", "Ongoing", "No longer required", a
 * ticked checkbox, a Status column. One table, so the reader of actions and
 * the reader of matters arising agree.
 */
import type { ActionStatus } from '../../model.js';

/** Not done yet, said with a negation: "not yet complete", "not done", "still to do". */
const NOT_YET = /\b(?:not\s+(?:yet\s+)?(?:been\s+)?(?:done|complete[d]?|finished|actioned|closed|started|received|circulated|sent)|still\s+(?:to\s+(?:do|be\s+done)|open|outstanding|pending)|yet\s+to\s+be)\b/i;
const DROPPED = /\b(?:dropped|withdrawn|no\s+longer\s+(?:required|needed|necessary|relevant|applicable)|not\s+required|superseded|cancel(?:l)?ed|abandoned|removed\s+from\s+the\s+(?:action\s+)?log|closed\s+without\s+action)\b/i;
const CARRIED = /\b(?:carried\s+(?:forward|over)|carry\s+forward|c\/f|rolled\s+(?:forward|over)|ongoing|on-going|in\s+progress|outstanding|pending|deferred|to\s+be\s+(?:brought|reported)\s+back|remains?\s+open|on\s+hold|in\s+hand|work\s+in\s+progress|wip)\b/i;
const DONE = /(?:\b(?:done|completed?|complete|closed|actioned|finished|achieved|delivered|resolved|discharged)\b|[✓✔✅☑])/i;
/** "The paper was circulated on 3 November", "has been sent", "had been presented": reported as done, in the past tense. */
const DONE_PASSIVE = /\b(?:has|have|had)\s+(?:now\s+)?been\s+[a-z]{3,}(?:ed|en|t)\b|\b(?:was|were)\s+(?:duly\s+)?(?:circulated|sent|shared|published|presented|submitted|agreed|approved|issued|held|added|updated|completed|uploaded|merged|arranged|scheduled|organised|organized|made|written|drafted|reported)\b/i;

/** The status a cell or sentence states outright ("Complete", "Carried forward", "No longer required"); undefined when it states none. */
export function statusWords(text: string): ActionStatus | undefined {
  const t = text.slice(0, 400);
  if (NOT_YET.test(t)) return 'carried';
  if (DROPPED.test(t)) return 'dropped';
  if (CARRIED.test(t)) return 'carried';
  if (DONE.test(t)) return 'done';
  return undefined;
}

/** `statusWords`, or done when the sentence reports the task in the past tense ("the paper was circulated"). */
export function reportedStatus(text: string): ActionStatus | undefined {
  return statusWords(text) ?? (DONE_PASSIVE.test(text.slice(0, 400)) ? 'done' : undefined);
}

/** A status the action's own line ends with: "… (done)", "… - DONE", "… [complete]", "… ✅". */
export function trailingStatus(text: string): ActionStatus | undefined {
  const m = /(?:[(\[]\s*([^()[\]]{2,30})\s*[)\]]|[-–—:]\s*\**([A-Za-z][A-Za-z /-]{1,28})\**|([✓✔✅☑]))\s*\.?\s*$/.exec(text.trim());
  if (!m) return undefined;
  const words = (m[1] ?? m[2] ?? m[3]).trim();
  // Only the whole tail names a status: "- due in progress review" is a task.
  if (!/^(?:not\s+yet\s+(?:done|complete[d]?)|done|complete[d]?|closed|actioned|finished|carried\s+(?:forward|over)|c\/f|ongoing|on-going|in\s+progress|outstanding|pending|deferred|on\s+hold|dropped|withdrawn|cancel(?:l)?ed|superseded|no\s+longer\s+(?:required|needed)|[✓✔✅☑])$/i.test(words)) return undefined;
  return statusWords(words);
}

/** A task-list checkbox at the start of a list item: `- [x] …` done, `- [ ] …` open. */
export function checkboxStatus(source: string): ActionStatus | undefined {
  const m = /^[ \t>]*(?:[-*+]|\d{1,3}[.)])[ \t]+\[([ xX])\]/.exec(source);
  if (!m) return undefined;
  return m[1] === ' ' ? 'open' : 'done';
}
