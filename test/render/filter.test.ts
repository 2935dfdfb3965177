/** Filters by status and body, applied to the model before drawing. */
import assert from 'node:assert/strict';
import { bodyKey, filterChoices, filterModel } from '../../src/render/filter.js';
import { layoutTimeline } from '../../src/render/layout.js';
import { date, entry, examplesModel, model } from './models.js';

describe('render: filters by status and body', () => {
  const m = model([
    entry({ title: 'Consult', date: date('2022-01-10', 'day', '2022-01-10'), status: 'done', body: 'Audit Committee' }),
    entry({ title: 'Adopt', date: date('2022-02-10', 'day', '2022-02-10'), status: 'planned', body: 'audit committee' }),
    entry({ title: 'Review', date: date('2022-03-10', 'day', '2022-03-10'), status: 'planned', body: 'Cabinet' }),
    entry({ title: 'Meet', date: date('2022-04-10', 'day', '2022-04-10'), kind: 'meeting' }),
  ]);

  it('offers the statuses in the legend order and the bodies by name (case folded), with counts', () => {
    const { statuses, bodies } = filterChoices(m);
    assert.deepEqual(statuses, [
      { key: 'done', text: 'Done', count: 1 },
      { key: 'planned', text: 'Planned', count: 2 },
      { key: 'none', text: 'No status given', count: 1 },
    ]);
    assert.deepEqual(bodies, [
      { key: 'audit committee', text: 'Audit Committee', count: 2 },
      { key: 'cabinet', text: 'Cabinet', count: 1 },
      { key: '', text: 'No body named', count: 1 },
    ]);
  });

  it('hides the statuses and bodies unticked, and nothing else', () => {
    assert.equal(filterModel(m, {}), m);
    assert.deepEqual(filterModel(m, { hiddenStatuses: ['planned'] }).entries.map((e) => e.title), ['Consult', 'Meet']);
    assert.deepEqual(filterModel(m, { hiddenBodies: [bodyKey('AUDIT COMMITTEE')] }).entries.map((e) => e.title), ['Review', 'Meet']);
    assert.deepEqual(filterModel(m, { hiddenBodies: [''], hiddenStatuses: ['done'] }).entries.map((e) => e.title), ['Adopt', 'Review']);
    assert.equal(m.entries.length, 4, 'the model itself is left as it was');
  });

  it('the drawing of the filtered examples has only that body: its entries, its lane, its legend', () => {
    const ex = examplesModel();
    const trafford = filterChoices(ex).bodies.find((b) => b.text.startsWith('Trafford'))!;
    const shown = filterModel(ex, { hiddenBodies: [trafford.key] });
    const layout = layoutTimeline(shown, { groupBy: 'body' });
    assert.deepEqual(layout.lanes.map((l) => l.title.join(' ')), ['Gloucestershire Health and Wellbeing Board']);
    assert.equal(layout.dated.length, ex.entries.length - trafford.count);
    assert.ok(layout.dated.every((b) => !b.entry.body?.startsWith('Trafford')));
  });
});
