/**
 * The worker script the server's bounded analyser starts (`node-host.ts`
 * resolves `./worker.js` beside itself). In the compiled tree this file sits
 * beside the server's modules; a bundler turns it into `worker.js` beside the
 * bundled server. It is the engine's worker, unchanged.
 */
import '../node/worker.js';
