/**
 * The SVG as a string and its geometry: points for days, bars for anything
 * less precise with widths in proportion to the time they cover, the today
 * line, the Tbc lane, ticks that follow the span, labels that never share
 * space, every document string escaped.
 */
import assert from 'node:assert/strict';
import { entry, date, hostileModel, model, uncertainModel, XSS_TITLE } from './models.js';
import { createScale } from '../../src/render/scale.js';
import { layoutTimeline, ONE_ROW_EACH_UP_TO, type EntryBox } from '../../src/render/layout.js';
import { renderTimelineSvg, renderTimelineSvgDocument } from '../../src/render/svg.js';
import { daysFromCivil } from '../../src/core/dates/calendar.js';
import type { TimelineModel } from '../../src/protocol/requests.js';

/** The `<g class="entry …">` elements of an SVG string, with their attributes. */
function entryGroups(svg: string): { attrs: Record<string, string>; body: string }[] {
  const out: { attrs: Record<string, string>; body: string }[] = [];
  const re = /<g class="entry ([^"]*)"([^>]*)>([\s\S]*?)<\/g>/g;
  for (let m = re.exec(svg); m; m = re.exec(svg)) {
    const attrs: Record<string, string> = { class: 'entry ' + m[1] };
    for (const a of m[2].matchAll(/ ([a-z-]+)="([^"]*)"/g)) attrs[a[1]] = a[2];
    out.push({ attrs, body: m[3] });
  }
  return out;
}

function boxOf(layout: ReturnType<typeof layoutTimeline>, text: string): EntryBox {
  const box = [...layout.dated, ...(layout.undated?.entries ?? [])].find((b) => b.entry.date.text === text);
  assert.ok(box, `no box for ${text}`);
  return box;
}

describe('render: timeline SVG', () => {
  const m = uncertainModel();
  const layout = layoutTimeline(m);
  const svg = renderTimelineSvg(m);

  it('draws one entry group per entry, with the data the webview needs to reveal its line', () => {
    const groups = entryGroups(svg);
    assert.equal(groups.length, m.entries.length);
    groups.forEach((g) => {
      const e = m.entries.find((x) => x.id === g.attrs['data-id'])!;
      assert.ok(e, g.attrs['data-id']);
      assert.equal(g.attrs['data-uri'], e.uri);
      assert.equal(g.attrs['data-line'], String(e.range.start.line));
      assert.match(g.body, /^<title>[^<]+<\/title>/);
    });
  });

  it('draws days as points and every other precision as a bar', () => {
    for (const g of entryGroups(svg)) {
      const precision = g.attrs['data-precision'];
      if (precision === 'day') {
        assert.match(g.attrs.class, /\bpoint\b/);
        assert.match(g.body, /<(circle|polygon) class="mark"/);
      } else if (precision === 'unknown') {
        assert.match(g.attrs.class, /\bundated\b/);
      } else {
        assert.match(g.attrs.class, /\bspan\b/, precision);
        assert.match(g.body, /<rect class="mark" x="[\d.]+" y="[\d.]+" width="[\d.]+" height="14" rx="3"\/>/);
      }
    }
    const shapes = Object.fromEntries(m.entries.map((e) => [e.date.text, boxOf(layout, e.date.text).shape]));
    assert.deepEqual(shapes, {
      'March/April 2021': 'span',
      '2021-09-21': 'point',
      'late September 2021': 'span',
      'Q4 2021': 'span',
      '2022-01-18': 'point',
      'Q1 2022': 'span',
      'March 2022': 'span',
      'Spring 2022': 'span',
      '2022/23': 'span',
      '2022-05-18': 'point',
      'H2 2022': 'span',
      Tbc: 'undated',
    });
  });

  it('makes a bar as wide as the time it covers: Q1 is 90/31 of March, a financial year 365/31', () => {
    const width = (text: string) => boxOf(layout, text).x1 - boxOf(layout, text).x0;
    const march = width('March 2022');
    assert.ok(Math.abs(width('Q1 2022') / march - 90 / 31) < 0.01, `Q1 ${width('Q1 2022')} vs March ${march}`);
    assert.ok(Math.abs(width('2022/23') / march - 365 / 31) < 0.01);
    assert.ok(Math.abs(width('March/April 2021') / march - 61 / 31) < 0.01);
    // The bars start where their first day starts.
    assert.ok(Math.abs(boxOf(layout, 'Q1 2022').x0 - layout.scale!.x(daysFromCivil(2022, 1, 1))) < 1e-9);
    assert.ok(Math.abs(boxOf(layout, 'March 2022').x1 - boxOf(layout, 'Q1 2022').x1) < 1e-9, 'March ends where Q1 ends');
  });

  it('puts the today line in the middle of today, where a point dated today would be', () => {
    const withToday = model([entry({ title: 'Meeting', date: date('2022-02-10', 'day', '2022-02-10') }), entry({ title: 'Q1', date: date('Q1 2022', 'quarter', '2022-01-01', '2022-03-31') })]);
    const l = layoutTimeline(withToday);
    const point = l.dated[0];
    assert.equal(l.today?.x, (point.x0 + point.x1) / 2);
    const svgToday = renderTimelineSvg(withToday).match(/<line class="today-line" data-date="2022-02-10" x1="([\d.]+)"/);
    assert.ok(svgToday, 'today line drawn');
    assert.ok(Math.abs(Number(svgToday[1]) - l.today!.x!) <= 0.05);
    // In the fixture too: 10 Feb 2022 lies between 18 Jan and the start of March.
    assert.ok(layout.today!.x! > boxOf(layout, '2022-01-18').x1 && layout.today!.x! < boxOf(layout, 'March 2022').x0);
  });

  it('says where today is when it is far outside the drawn period, without stretching it', () => {
    const far = model([entry({ title: 'Workshop', date: date('2021-09-21', 'day', '2021-09-21') })], '2026-11-01');
    const l = layoutTimeline(far);
    assert.equal(l.today?.x, undefined);
    assert.equal(l.today?.side, 'after');
    assert.match(renderTimelineSvg(far), /<text class="today-label"[^>]*>Today 1 Nov 2026 \(later\) →<\/text>/);
    assert.ok(l.scale!.endDays - l.scale!.startDays <= 31, 'one month drawn, not five years');
  });

  it('puts Tbc entries in their own lane below the axis, not on it', () => {
    assert.ok(layout.undated);
    assert.deepEqual(layout.undated.entries.map((b) => b.entry.date.text), ['Tbc']);
    assert.ok(layout.undated.top > layout.rowsBottom);
    const lane = svg.slice(svg.indexOf('<g class="undated-lane">'));
    assert.match(lane, /<text class="lane-title"[^>]*>Date not yet known<\/text>/);
    assert.match(lane, /<g class="entry undated kind-milestone st-tbc"[^>]*data-precision="unknown"/);
    assert.ok(!layout.dated.some((b) => b.entry.date.text === 'Tbc'));
  });

  it('colours by status with classes, and marks overdue entries with a class, a ring and a word', () => {
    const overdue = entryGroups(svg).filter((g) => /\boverdue\b/.test(g.attrs.class));
    assert.deepEqual(overdue.map((g) => g.attrs['data-status']), ['at-risk']);
    assert.match(overdue[0].body, /<circle class="overdue-ring"/);
    assert.match(overdue[0].body, /<tspan class="overdue-tag"> ?overdue<\/tspan>/);
    assert.match(overdue[0].body, /OVERDUE: the date has passed/);
    const classes = entryGroups(svg).map((g) => g.attrs.class.match(/\bst-[a-z-]+/)![0]);
    assert.deepEqual([...new Set(classes)].sort(), ['st-at-risk', 'st-cancelled', 'st-delayed', 'st-done', 'st-none', 'st-planned', 'st-tbc']);
  });

  it('gives each entry a tooltip with the date as understood', () => {
    const g = entryGroups(svg).find((x) => x.attrs['data-precision'] === 'range')!;
    assert.match(g.body, /<title>Shadow board meetings held\.\nMarch\/April 2021 → 1 Mar – 30 Apr 2021, range\nMilestone · Done\nFrom: Transition to the Integrated Care Board \(line \d+\)<\/title>/);
  });

  it('uses no style attributes and no inline <style> (a strict CSP would block them), only classes', () => {
    assert.doesNotMatch(svg, /\sstyle=|<style/);
    assert.doesNotMatch(svg, /\sfill="#|\sstroke="#/);
  });

  describe('ticks follow the span', () => {
    const day = (y: number, mo: number, d: number) => daysFromCivil(y, mo, d);
    it('months for a year or so', () => {
      const s = createScale(day(2021, 9, 21), day(2022, 5, 18), 20, 940);
      assert.equal(s.unit, 'month');
      assert.deepEqual(s.labels.map((l) => l.text), ['Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May']);
      assert.deepEqual(s.yearLabels.map((l) => l.text), ['2021', '2022']);
      assert.equal(s.startDays, day(2021, 9, 1));
      assert.equal(s.endDays, day(2022, 6, 1));
    });
    it('quarters for a few years', () => {
      const s = createScale(day(2020, 2, 1), day(2023, 11, 30), 20, 940);
      assert.equal(s.unit, 'quarter');
      assert.equal(s.labels[0].text, 'Q1');
      assert.equal(s.startDays, day(2020, 1, 1));
      assert.equal(s.endDays, day(2024, 1, 1));
    });
    it('years, then every 2, 5 or 10 years, for long spans', () => {
      assert.equal(createScale(day(2010, 1, 1), day(2025, 1, 1), 20, 940).unit, 'year');
      const decades = createScale(day(1900, 1, 1), day(2025, 1, 1), 20, 940);
      assert.equal(decades.unit, 'year');
      assert.ok(decades.step >= 5, `step ${decades.step}`);
      assert.ok(decades.ticks.every((t, i) => i === 0 || t.x - decades.ticks[i - 1].x >= 36));
    });
    it('a narrower drawing gets coarser ticks', () => {
      assert.equal(createScale(day(2021, 9, 21), day(2022, 5, 18), 20, 220).unit, 'quarter');
    });
  });

  describe('labels never share space', () => {
    function assertNoOverlap(l: ReturnType<typeof layoutTimeline>) {
      for (const [i, a] of l.dated.entries()) {
        assert.ok(a.extent[0] >= 0 && a.extent[1] <= l.width, `${a.entry.title} inside the drawing`);
        for (const b of l.dated.slice(i + 1)) {
          if (a.row !== b.row) continue;
          assert.ok(a.extent[1] <= b.extent[0] || b.extent[1] <= a.extent[0], `${a.entry.title} / ${b.entry.title} in row ${a.row}`);
        }
      }
    }
    it('one row per entry, in date order, for a document', () => {
      assert.deepEqual(layout.dated.map((b) => b.row), layout.dated.map((_, i) => i));
      assertNoOverlap(layout);
    });
    it('packed rows for many entries, still without overlap', () => {
      const many: TimelineModel = model(
        Array.from({ length: 60 }, (_, i) => {
          const month = (i % 12) + 1;
          const year = 2020 + Math.floor(i / 12);
          const mm = String(month).padStart(2, '0');
          return i % 3 === 0
            ? entry({ title: `Quarterly report ${i} to the board`, date: date(`Q${Math.ceil(month / 3)} ${year}`, 'quarter', `${year}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`, `${year}-${String(Math.ceil(month / 3) * 3).padStart(2, '0')}-${[31, 30, 30, 31][Math.ceil(month / 3) - 1]}`) })
            : entry({ title: `Board meeting number ${i} considers the budget and the plan`, date: date(`${year}-${mm}-15`, 'day', `${year}-${mm}-15`) });
        }),
      );
      const l = layoutTimeline(many);
      assert.ok(many.entries.length > ONE_ROW_EACH_UP_TO);
      assert.ok(l.rows < many.entries.length / 2, `${l.rows} rows for 60 entries`);
      assertNoOverlap(l);
    });
  });

  describe('escaping', () => {
    const hostile = hostileModel();
    const out = renderTimelineSvg(hostile);
    const doc = renderTimelineSvgDocument(hostile);

    it('shows markup in titles, sources, dates, uris and ids as text', () => {
      for (const s of [out, doc]) {
        assert.ok(!s.includes('<img'), 'no img element');
        assert.ok(!s.includes('<script'), 'no script element');
        assert.ok(!s.includes('<iframe'), 'no iframe element');
        assert.ok(!s.includes('<b>'), 'no b element');
        assert.ok(!/<svg[^>]* onload=/.test(s));
        // Outside quoted values (an escaped title in aria-label may read "onerror=" as text).
        for (const tag of s.match(/<(?:[^>"]|"[^"]*")*>/g)!) assert.doesNotMatch(tag.replace(/"[^"]*"/g, '""'), /\son[a-z]+=/, 'no event handler attribute');
        assert.ok(s.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the title, escaped');
      }
      const g = entryGroups(out).find((x) => x.attrs['data-status'] === 'delayed')!;
      assert.equal(g.attrs['data-uri'], 'file:///work/x&quot;.md?&lt;b&gt;&amp;amp;');
      assert.equal(g.attrs['data-id'], 'file:///work/x&quot;.md#/content/milestones/0&quot;&gt;&lt;script&gt;alert(6)&lt;/script&gt;');
    });

    it('keeps every attribute value quoted and closed: the markup has only our own elements', () => {
      const elements = new Set([...out.matchAll(/<([a-zA-Z]+)[\s>/]/g)].map((x) => x[1]));
      assert.deepEqual([...elements].sort(), ['circle', 'desc', 'g', 'line', 'polygon', 'rect', 'svg', 'text', 'title', 'tspan'].filter((e) => elements.has(e)));
      for (const e of elements) assert.ok(['circle', 'desc', 'g', 'line', 'polygon', 'rect', 'svg', 'text', 'title', 'tspan'].includes(e), e);
      assert.ok(out.includes(XSS_TITLE.replace(/</g, '&lt;').replace(/>/g, '&gt;')));
    });
  });

  describe('the standalone SVG document', () => {
    const doc = renderTimelineSvgDocument(uncertainModel());
    it('has an XML prolog, the namespace and its styles embedded', () => {
      assert.ok(doc.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'));
      assert.match(doc, /<style>\n\.govmark-timeline \{/);
      assert.match(doc, /@media \(prefers-color-scheme: dark\)/);
      assert.match(doc, /var\(--vscode-charts-green, #388a34\)/);
    });
    it('refers to nothing outside itself', () => {
      assert.doesNotMatch(doc, /href=|src=|@import|url\(/);
      assert.doesNotMatch(doc.slice(doc.indexOf('<style>') + '<style>'.length, doc.indexOf('</style>')), /[<&]/, 'the stylesheet needs no CDATA');
    });
  });

  it('says so when there is nothing dated to draw', () => {
    const empty = renderTimelineSvg(model([]));
    assert.match(empty, /<text class="empty"[^>]*>Nothing to draw/);
    const onlyTbc = layoutTimeline(model([entry({ title: 'Later', date: date('Tbc', 'unknown') })]));
    assert.equal(onlyTbc.scale, undefined);
    assert.equal(onlyTbc.undated?.entries.length, 1);
  });
});

describe('render: problem marks', () => {
  const problem = { ruleId: 'milestone-order', severity: 'warning' as const, message: 'This milestone is dated before the one above it', range: { start: { line: 14, character: 2 }, end: { line: 14, character: 12 } } };
  const m = model([
    entry({ title: 'Consultation opens', date: date('2022-03-01', 'day', '2022-03-01'), status: 'done' }),
    entry({ title: 'Scoping <report>', date: date('2022-01-10', 'day', '2022-01-10'), status: 'done', problems: [problem] }),
  ]);

  it('draws a mark beside the entry, linked to the diagnostic range, with the diagnostic as its tooltip and name', () => {
    const svg = renderTimelineSvg(m, { interactive: true });
    const marks = [...svg.matchAll(/<g class="problem-mark"([^>]*)><title>([^<]*)<\/title>/g)];
    assert.equal(marks.length, 1);
    const attrs = Object.fromEntries([...marks[0][1].matchAll(/ ([a-z-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
    assert.equal(attrs['data-line'], '14');
    assert.equal(attrs['data-character'], '2');
    assert.equal(attrs['data-end-character'], '12');
    assert.equal(attrs['data-uri'], 'file:///work/plan.md');
    assert.equal(attrs.tabindex, '0');
    assert.equal(attrs.role, 'button');
    assert.equal(attrs['aria-label'], 'Warning on line 15: This milestone is dated before the one above it. For: Scoping &lt;report&gt;');
    assert.equal(marks[0][2], 'Warning (milestone-order, line 15): This milestone is dated before the one above it');
    // Its own element after its entry's group (not a button inside a button), in time order.
    assert.ok(svg.indexOf('Scoping &lt;report&gt;</tspan>') < svg.indexOf('<g class="problem-mark"'));
    const own = svg.indexOf('aria-label="10 Jan 2022: Scoping');
    const mark = svg.indexOf('<g class="problem-mark"');
    assert.ok(own < mark && !svg.slice(own, mark).includes('<g class="entry'), 'right after its entry');
    const exported = renderTimelineSvgDocument(m);
    assert.match(exported, /<g class="problem-mark"[^>]*role="img"/);
    assert.doesNotMatch(exported, /tabindex/);
  });
});
