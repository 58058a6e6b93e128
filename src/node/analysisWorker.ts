// Entry of the editor's analysis worker (bundled to dist/analysis-worker.js): answers engine requests in order.
import { parentPort } from 'node:worker_threads';
import { EngineState, type EngineReply, type EngineRequest } from './analysisEngine';

const state = new EngineState();
parentPort?.on('message', ({ seq, req }: { seq: number; req: EngineRequest }) => {
  let reply: EngineReply;
  try {
    reply = state.handle(req);
  } catch (err) {
    reply = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage({ seq, reply });
});
