/**
 * The editor's documents store refreshes through Refresher: the status bar, the Governance tree
 * and the workspace timeline must show a newly opened file even while workspace diagnostics
 * stream in, and a slow server must not make every answer "stale".
 */
import assert from 'node:assert/strict';
import { Refresher } from '../../src/protocol/refresher.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Refresher (the editor keeps the server\'s document list fresh)', () => {
  it('a steady stream of events still refreshes by the maximum wait', async () => {
    let runs = 0;
    const r = new Refresher(async () => void runs++, 50, 200);
    const start = Date.now();
    // an event every 20 ms for 600 ms: a plain 50 ms debounce would never fire
    while (Date.now() - start < 600) {
      r.schedule();
      await sleep(20);
    }
    r.dispose();
    assert.ok(runs >= 2, `refreshed ${runs} time(s) during 600 ms of events with a 200 ms maximum wait`);
  });

  it('a burst of events followed by quiet refreshes once, after the delay', async () => {
    let runs = 0;
    const r = new Refresher(async () => void runs++, 40, 1000);
    for (let i = 0; i < 10; i++) r.schedule();
    await sleep(20);
    assert.equal(runs, 0, 'not before the delay');
    await sleep(80);
    assert.equal(runs, 1);
    r.dispose();
  });

  it('requests slower than the events are applied, one at a time, and the last event is always followed by a request', async () => {
    let inFlight = 0;
    let most = 0;
    let completed = 0;
    let asked = 0;
    const r = new Refresher(async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await sleep(60); // slower than the 10 ms delay
      inFlight--;
      completed++;
    }, 10, 30);
    for (let i = 0; i < 20; i++) {
      asked++;
      r.schedule();
      await sleep(15);
    }
    const before = completed;
    await sleep(200);
    assert.equal(most, 1, 'never two requests at once');
    assert.ok(before >= 2, `answers were applied while events kept coming (${before})`);
    assert.ok(completed > before, 'a request after the last event');
    assert.ok(completed < asked, `coalesced: ${completed} requests for ${asked} events`);
    r.dispose();
  });

  it('refresh() while one is in flight resolves after a request that started later', async () => {
    const log: string[] = [];
    let n = 0;
    const r = new Refresher(async () => {
      const mine = ++n;
      log.push(`start ${mine}`);
      await sleep(30);
      log.push(`end ${mine}`);
    });
    const first = r.refresh();
    await sleep(5);
    await r.refresh();
    await first;
    assert.deepEqual(log, ['start 1', 'end 1', 'start 2', 'end 2']);
    r.dispose();
  });

  it('a failing request does not stop later refreshes', async () => {
    let runs = 0;
    const r = new Refresher(async () => {
      runs++;
      if (runs === 1) throw new Error('server restarting');
    });
    await r.refresh();
    await r.refresh();
    assert.equal(runs, 2);
    r.dispose();
  });
});
