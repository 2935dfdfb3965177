/**
 * A worker thread that analyses documents: parse, document rules, summary.
 * The pool terminates it when one document overruns its time or memory bound.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config.js';
import { analyse } from '../core/workspace/workspace.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';
import { toResult } from './protocol.js';

const config = (workerData as { config: ResolvedConfig }).config;

// Modules are loaded: only now does the pool start a document's clock, so
// start-up time (heavier on a loaded machine) never counts against a document.
parentPort!.postMessage({ ready: true });

parentPort!.on('message', async (req: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    const text = req.text ?? (await readFile(req.path!, 'utf8'));
    const analysis = analyse(text, { uri: req.uri, type: req.type, config });
    response = { id: req.id, ok: true, result: toResult(analysis, req.includeModel === true) };
  } catch (error) {
    response = { id: req.id, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  parentPort!.postMessage(response);
});
