/**
 * Reads the membership of a body: seats from the lists and tables of its
 * Membership section (nominating organisation, count, statutory, voting), and
 * the quorum stated in a Quorum section.
 */
import type { List, Nodes } from 'mdast';
import type { Seat } from '../model.js';
import { readQuorum, wordNumber } from './phrases/numbers.js';
import { isYes, itemLead, rangeOfNode, tableColumns, textOf } from './phrases/text.js';
import type { ReadContext, Reader } from './reader.js';

export const membership: Reader = {
  id: 'membership',
  description: 'Seats of the body (Popolo posts) from the membership section, and the quorum from a quorum section.',
  applies: (r) => r.membership,
  create(ctx) {
    const { b } = ctx;
    b.content.seats = [];
    return {
      paragraph(p) {
        if (ctx.section?.kind !== 'quorum' || b.content.quorum !== undefined) return;
        const text = textOf(p);
        const q = readQuorum(text);
        if (q) {
          b.content.quorum = { text, source: 'section', ...q };
          b.map('/content/quorum', rangeOfNode(p));
        }
      },
      list(list) {
        if (ctx.section?.kind !== 'membership') return false;
        seatList(ctx, list, undefined);
        return true;
      },
      table(t) {
        if (ctx.section?.kind !== 'membership') return false;
        const { rows, col, cell } = tableColumns(t);
        const label = Math.max(col(/^(seat|post|role|member|members|position|title|name|representative)/), 0);
        const org = col(/organi[sz]ation|nominat|body|on behalf|agency|sector/);
        const count = col(/^(count|number|no\.?|seats|places|#)$/);
        const statutory = col(/statutory/);
        const voting = col(/voting|vote/);
        for (const row of rows) {
          const seat: Seat = { label: cell(row, label), count: 1 };
          if (seat.label === '') continue;
          if (org >= 0 && cell(row, org)) seat.organization = cell(row, org);
          if (count >= 0) seat.count = wordNumber(cell(row, count)) ?? 1;
          if (statutory >= 0) seat.statutory = isYes(cell(row, statutory));
          if (voting >= 0) seat.voting = isYes(cell(row, voting));
          addSeat(ctx, seat, row);
        }
        return true;
      },
    };
  },
};

function seatList(ctx: ReadContext, list: List, organization: string | undefined): void {
  for (const item of list.children) {
    const lead = itemLead(item);
    const nested = item.children.find((n): n is List => n.type === 'list');
    if (nested) {
      // "- Trafford Council" with its seats nested under it.
      seatList(ctx, nested, lead.replace(/[:]+$/, ''));
      continue;
    }
    const seat = readSeat(lead, organization);
    if (seat) addSeat(ctx, seat, item);
  }
}

function addSeat(ctx: ReadContext, seat: Seat, node: Nodes): void {
  const seats = ctx.b.content.seats!;
  ctx.b.map(`/content/seats/${seats.length}`, rangeOfNode(node));
  seats.push(seat);
}

/** "Two representatives of X (non-voting)" → a seat. */
export function readSeat(text: string, organization: string | undefined): Seat | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  let count = 1;
  let label = t;
  const n = /^(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b\s*(?:\(\d+\)\s*)?(?:x\s+)?/i.exec(t);
  if (n) {
    count = wordNumber(n[1]) ?? 1;
    label = t.slice(n[0].length);
  }
  const seat: Seat = { label: label.replace(/\s*\(non[- ]?voting\)|\s*\(statutory\)/gi, '').trim() || t, count };
  const org = /\s+[—–]\s+(.+)$/.exec(seat.label);
  if (org) {
    seat.organization = org[1];
    seat.label = seat.label.slice(0, org.index);
  } else if (organization) seat.organization = organization;
  if (/\bnon[- ]?voting\b|\bobserver\b|\badvisory\b/i.test(t)) seat.voting = false;
  if (/\bstatutory\b/i.test(t)) seat.statutory = !/\bnon[- ]?statutory\b/i.test(t);
  return seat;
}
