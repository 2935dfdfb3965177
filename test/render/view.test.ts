/**
 * Zoom and pan as the webview does them: the view window's arithmetic, and the
 * axis it gives (years for the whole period, days when zoomed in far enough).
 */
import assert from 'node:assert/strict';
import { layoutTimeline } from '../../src/render/layout.js';
import { fullPeriod, MIN_VIEW_DAYS, normaliseView, panView, panViewBy, zoomView, ZOOM_STEP, type ViewWindow } from '../../src/render/view.js';
import { daysFromCivil } from '../../src/core/dates/calendar.js';
import { examplesModel, model } from './models.js';

const full: ViewWindow = { start: 0, end: 999 };
const length = (v: ViewWindow | undefined) => (v ? v.end - v.start + 1 : undefined);

describe('render: zoom and pan (view window)', () => {
  it('zoom in halves the days shown around the middle; zoom out back to the whole period is Fit (undefined)', () => {
    const a = zoomView(undefined, full, ZOOM_STEP);
    assert.deepEqual(a, { start: 250, end: 749 });
    const b = zoomView(a, full, ZOOM_STEP);
    assert.equal(length(b), 250);
    assert.equal(zoomView(b, full, 1 / ZOOM_STEP)?.start, 250);
    assert.equal(zoomView(a, full, 1 / ZOOM_STEP), undefined);
    assert.equal(zoomView(undefined, full, 1 / ZOOM_STEP), undefined);
  });

  it('keeps the day under the pointer where it is (Ctrl+wheel at the left edge zooms into the start)', () => {
    const left = zoomView(undefined, full, 4, 0);
    assert.deepEqual(left, { start: 0, end: 249 });
    const right = zoomView(undefined, full, 4, 1);
    assert.deepEqual(right, { start: 750, end: 999 });
    // At 30% of the view: day 300 stays at 30%.
    const at = zoomView(undefined, full, 2, 0.3)!;
    assert.equal(at.start + 0.3 * length(at)!, 300);
  });

  it('never shows fewer than a week, and never leaves the period', () => {
    let v: ViewWindow | undefined;
    for (let i = 0; i < 20; i++) v = zoomView(v, full, ZOOM_STEP, 1);
    assert.equal(length(v), MIN_VIEW_DAYS);
    assert.equal(v!.end, 999);
    assert.deepEqual(panView(v, full, 500), { start: 993, end: 999 });
    assert.deepEqual(panView(v, full, -5000), { start: 0, end: 6 });
  });

  it('an arrow key pans by a fifth of what is shown; panning the whole period does nothing', () => {
    const v = { start: 100, end: 199 };
    assert.deepEqual(panViewBy(v, full, 0.2), { start: 120, end: 219 });
    assert.deepEqual(panViewBy(v, full, -0.2), { start: 80, end: 179 });
    assert.equal(panViewBy(undefined, full, 0.2), undefined);
  });

  it('a restored window is made whole days, at least a week and inside the period; rubbish is Fit', () => {
    assert.deepEqual(normaliseView({ start: 10.4, end: 12 }, full), { start: 10, end: 16 });
    assert.deepEqual(normaliseView({ start: 990, end: 2000 }, full), undefined);
    assert.deepEqual(normaliseView({ start: 995, end: 1200 }, { start: 0, end: 9999 }), { start: 995, end: 1200 });
    assert.equal(normaliseView({ start: 'x', end: 3 }, full), undefined);
    assert.equal(normaliseView(null, full), undefined);
    assert.equal(normaliseView({ start: 1, end: 20 }, undefined), undefined);
  });

  it('zooming into the examples turns the axis from months or quarters into days, with only the entries in view', () => {
    const m = examplesModel();
    const period = fullPeriod(m, { width: 960 })!;
    assert.ok(period);
    const whole = layoutTimeline(m, { width: 960 });
    assert.ok(['month', 'quarter', 'year'].includes(whole.scale!.unit), whole.scale!.unit);
    let v: ViewWindow | undefined;
    const units: string[] = [];
    for (let i = 0; i < 10; i++) {
      v = zoomView(v, period, ZOOM_STEP);
      units.push(layoutTimeline(m, { width: 960, view: v }).scale!.unit);
    }
    assert.equal(units[units.length - 1], 'day', units.join(' '));
    const zoomed = layoutTimeline(m, { width: 960, view: v });
    assert.ok(zoomed.scale!.labels.length >= 7, 'a label for each day');
    assert.ok(zoomed.dated.length < whole.dated.length);
    assert.equal(zoomed.dated.length + zoomed.outside!.before + zoomed.outside!.after, whole.dated.length);
  });

  it('a zoomed view with nothing in it says so, and where the entries are', () => {
    const m = examplesModel();
    const layout = layoutTimeline(m, { width: 960, view: { start: daysFromCivil(2021, 7, 1), end: daysFromCivil(2021, 7, 10) } });
    assert.equal(layout.dated.length, 0);
    assert.match(layout.empty!.text, /^Nothing dated in these days \(\d+ earlier, \d+ later\)\.$/);
    assert.ok(layout.empty!.y > layout.axis!.top && layout.empty!.y < layout.rowsBottom);
  });

  it('the whole period of a one-day plan is whole ticks around it; nothing dated has no period', () => {
    const d = daysFromCivil(2022, 3, 15);
    const p = fullPeriod(model([{ id: 'a', uri: 'file:///p.md', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, kind: 'milestone', title: 'Go live', source: 'Plan', date: { text: '2022-03-15', precision: 'day', start: '2022-03-15', end: '2022-03-15' } }], '2022-03-15'))!;
    assert.ok(p.start <= d && p.end >= d);
    assert.equal(fullPeriod(model([], '2022-03-15')), undefined);
  });
});
