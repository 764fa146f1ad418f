/**
 * The verification Web Worker: the same pipeline as the command line (src/core/verify), over the
 * browser's network door (src/platform/browserNet, which needs only `fetch` and `navigator.onLine`,
 * both of which a worker has). jsonld, the proof suites and the JSON-LD contexts are imported from
 * here, so they live in this worker's chunks and never in the page's first load.
 * The protocol is in ./verifyHost.ts; the page's side is src/platform/workerVerifier.ts.
 */
import { verify } from '../core/verify';
import { browserNet } from '../platform/browserNet';
import { serveVerification, type WorkerScope } from './verifyHost';

serveVerification(globalThis as unknown as WorkerScope, { verify, net: browserNet() });
