/**
 * Reads, in terms of reference, how the body decides: the `majority:` of the
 * front matter, and every sentence that states a voting threshold for
 * decisions ("Decisions shall be taken by a simple majority of members
 * present and voting", "Changes to this charter require a two-thirds
 * supermajority of the TSC", "The Board works by consensus"). A rule for
 * some decisions only (amending the terms, removing a member, elections)
 * says so in its `purpose`.
 *
 * An observer: the sentences are also the membership's or the functions'
 * (a duty "to approve … by a simple majority"), so it claims nothing.
 */
import type { Nodes } from 'mdast';
import type { VotingRule } from '../model.js';
import { plainText, sentenceSpans } from './phrases/duties.js';
import { votingRuleOf, votingRulesOf } from './phrases/votes.js';
import type { Reader } from './reader.js';

/** Sentences mentioning a threshold at all, before the slower reading. */
const MENTION = /\b(?:majority|super[- ]?majority|unanim|consensus|two[- ]thirds|three[- ]quarters|\d{2}\s?%)/i;
const MAX_RULES = 10;

export const votingRules: Reader = {
  id: 'voting-rules',
  description:
    'In terms of reference: how the body decides (the `majority:` of the front matter; sentences such as "decisions by a simple majority of members present and voting", "a two-thirds supermajority", "by consensus"), with what each rule is for when not all decisions.',
  applies: (r) => r.membership,
  create(ctx) {
    const { b } = ctx;
    const rules: VotingRule[] = [];
    const add = (rule: VotingRule, start: number, end: number) => {
      if (rules.length >= MAX_RULES) return;
      // The same rule restated (a summary and its section) is one rule.
      if (rules.some((r) => r.rule === rule.rule && r.of === rule.of && r.purpose === rule.purpose && r.fraction?.numerator === rule.fraction?.numerator)) return;
      b.map(`/content/voting/${rules.length}`, b.range(start, end));
      rules.push(rule);
      b.content.voting = rules;
    };
    const fm = ctx.meta.majority;
    if (typeof fm === 'string' && fm.trim() !== '') {
      const rule = votingRuleOf(/\bmajority|unanim|consensus|\d\s?%/i.test(fm) ? fm : `${fm} majority`, 'front-matter');
      if (rule) {
        rules.push({ ...rule, text: fm.trim() });
        b.content.voting = rules;
        // The range is the front matter value's, mapped by the parse at /meta/majority.
        b.map('/content/voting/0', b.sourceMap.get('/meta/majority')?.range);
      }
    }
    const observe = (node: Nodes) => {
      const s = node.position?.start.offset;
      const e = node.position?.end.offset;
      if (s === undefined || e === undefined || rules.length >= MAX_RULES) return;
      const raw = b.text.slice(s, Math.min(e, s + 20000));
      if (!MENTION.test(raw)) return;
      for (const sp of sentenceSpans(raw)) {
        const sentence = plainText(raw.slice(sp.start, sp.end));
        if (!MENTION.test(sentence)) continue;
        for (const rule of votingRulesOf(sentence, 'body')) add(rule, s + sp.start, s + sp.end);
      }
    };
    return {
      paragraph(p) {
        observe(p);
        return false;
      },
      list(l) {
        for (const item of l.children.slice(0, 300)) {
          for (const c of item.children) {
            if (c.type === 'paragraph') observe(c);
            else if (c.type === 'list') for (const sub of c.children.slice(0, 100)) for (const p of sub.children) if (p.type === 'paragraph') observe(p);
          }
        }
        return false;
      },
      table(t) {
        for (const row of t.children.slice(1, 200)) for (const c of row.children) observe(c);
        return false;
      },
    };
  },
};
