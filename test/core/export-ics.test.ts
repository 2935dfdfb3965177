/**
 * `govmark export --format ics` in the core, read back with ical.js as a
 * calendar client reads it: the Trafford meetings and actions, the
 * Gloucestershire milestones, uncertain dates as all-day spans with the text
 * as written, Tbc left out and counted, and the RFC 5545 line rules.
 */
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { escapeIcsText, exportIcs, foldLine } from '../../src/core/export/ics.js';
import { board, doc, HOSTILE } from './export-inputs.js';

type Component = InstanceType<typeof ICAL.Component>;
const value = (c: Component, name: string) => c.getFirstPropertyValue(name);
const day = (c: Component, name: string) => String(value(c, name) ?? '');

describe('export: iCalendar', () => {
  const text = exportIcs(board());
  const cal = new ICAL.Component(ICAL.parse(text));
  const events = cal.getAllSubcomponents('vevent');
  const todos = cal.getAllSubcomponents('vtodo');
  const find = (list: Component[], words: string) => {
    const found = list.find((c) => String(value(c, 'summary')).includes(words));
    assert.ok(found, `"${words}" among ${list.map((c) => value(c, 'summary')).join(' | ')}`);
    return found;
  };

  it('is one VCALENDAR of events and to-dos, CRLF-terminated, no line over 75 octets', () => {
    assert.equal(cal.name, 'vcalendar');
    assert.equal(value(cal, 'version'), '2.0');
    assert.ok(text.endsWith('END:VCALENDAR\r\n'));
    assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, line);
    // 2 meetings, 1 review of the terms, 5 + 1 day-dated milestones and 2 uncertain ones; the Tbc one left out.
    assert.equal(events.length, 2 + 1 + 5 + 1 + 2);
    assert.equal(todos.length, 5 + 1);
  });

  it('writes the 16 October meeting at the time its front matter gives, where it was held', () => {
    const meeting = find(events, '16 October 2020');
    assert.equal(day(meeting, 'dtstart'), '2020-10-16T10:00:00');
    assert.equal(day(meeting, 'dtend'), '2020-10-16T11:45:00');
    assert.equal(value(meeting, 'location'), 'Virtual meeting');
    assert.equal(value(meeting, 'x-govmark-source'), 'valid/trafford-hwb-minutes-2020-10-16.md#L13');
    const december = find(events, '11 December 2020');
    assert.equal(december.getFirstProperty('dtstart')!.type, 'date', 'no time written: an all-day event');
    assert.equal(day(december, 'dtstart'), '2020-12-11');
    assert.equal(day(december, 'dtend'), '2020-12-12');
  });

  it('writes actions as to-dos due on their due date, COMPLETED when a later meeting reported them done', () => {
    const framework = find(todos, 'Measurement Framework');
    assert.equal(day(framework, 'due'), '2020-12-31');
    assert.equal(value(framework, 'status'), 'NEEDS-ACTION');
    const presentation = find(todos, 'eight sources of learning');
    assert.equal(value(presentation, 'status'), 'COMPLETED', 'minute 19.6 reported circulated on 11 December');
    assert.match(String(value(presentation, 'description')), /Last reported: 2020-12-11 done/);
    const winter = find(todos, 'Winter Plan');
    assert.equal(day(winter, 'due'), '2021-01-31');
    assert.equal(value(winter, 'summary'), 'Governance Officer to circulate the Winter Plan to partners');
  });

  it('spans uncertain dates over all the days they allow, keeping the words as written', () => {
    const consultation = find(events, 'Consultation on the options');
    assert.equal(consultation.getFirstProperty('dtstart')!.type, 'date');
    assert.equal(day(consultation, 'dtstart'), '2021-03-01');
    assert.equal(day(consultation, 'dtend'), '2021-05-01', 'DTEND is exclusive: through 30 April');
    assert.equal(value(consultation, 'x-govmark-original'), 'March/April 2021');
    assert.match(String(value(consultation, 'description')), /Date as written: March\/April 2021/);
    assert.equal(value(consultation, 'summary'), 'Consultation on the options; report to the Board, then to Council', 'commas and semicolons survive escaping');
    const shadow = find(events, 'Shadow partnership board');
    assert.deepEqual([day(shadow, 'dtstart'), day(shadow, 'dtend'), value(shadow, 'x-govmark-original')], ['2022-01-01', '2022-04-01', 'Q1 2022']);
  });

  it('leaves Tbc out of the events and says so on the calendar', () => {
    assert.ok(!events.some((e) => String(value(e, 'summary')).includes('Review of the partnership')));
    assert.equal(String(value(cal, 'x-govmark-undated')), '1');
    assert.match(String(value(cal, 'x-govmark-comment')), /plans\/icp-plan\.md#L13/);
  });

  it('derives UIDs from file and line: unique, and the same on the next export', () => {
    const uids = [...events, ...todos].map((c) => String(value(c, 'uid')));
    assert.equal(new Set(uids).size, uids.length);
    const again = new ICAL.Component(ICAL.parse(exportIcs(board())));
    assert.deepEqual(again.getAllSubcomponents().map((c) => String(value(c, 'uid'))).sort(), [...uids].sort());
    assert.match(uids[0], /^meeting-L13-[0-9a-f]{8}@govmark$/);
  });

  it('escapes TEXT and folds without splitting a character', () => {
    assert.equal(escapeIcsText('a\\b; c, d\ne'), 'a\\\\b\\; c\\, d\\ne');
    const long = 'SUMMARY:' + 'é'.repeat(60);
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75);
    assert.equal(folded.replace(/\r\n /g, ''), long);
    const hostile = new ICAL.Component(ICAL.parse(exportIcs({ documents: [doc('odd #1/notes?.md', HOSTILE)], today: '2021-03-01' })));
    assert.equal(value(hostile.getFirstSubcomponent('vevent')!, 'summary'), 'Board <b>&amp; "Friends"</b>: Board alert(1) & "Co" — 5 January 2021');
  });
});
