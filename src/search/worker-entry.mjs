// Entry of a worker thread of ./worker-pool.ts and ./segmenter-worker.ts. Worker threads do not
// inherit the main thread's module hooks, so TypeScript is loaded through tsx's loader here, as
// bin/*.mjs do; then every message is answered by the `handle` export of the module named in
// workerData. A segmenter worker serves the lines in `workerData.lines` (callers that wait
// synchronously: each line has its own port and a shared signal, raised after each answer; see
// ./segmenter-worker.ts); a pool's worker answers on its parent port.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { handle } = await import(workerData.module);
const lines = workerData.lines ?? [{ port: parentPort }];
// The segmenter's callers are told once the module is loaded (its dictionaries are).
if (workerData.lines) {
  for (const { signal } of workerData.lines) Atomics.store(new Int32Array(signal), 1, 1);
  parentPort.postMessage('ready');
}
for (const line of lines) {
  const { port } = line;
  const signal = line.signal ? new Int32Array(line.signal) : undefined;
  port.on('message', async (input) => {
    try {
      port.postMessage({ output: await handle(input) });
    } catch (error) {
      port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
    if (signal) {
      Atomics.store(signal, 0, 1);
      Atomics.notify(signal, 0);
    }
  });
}
