// Entry of a worker thread of ./worker-pool.ts and ./segmenter-worker.ts. Worker threads do not
// inherit the main thread's module hooks, so TypeScript is loaded through tsx's loader here, as
// bin/*.mjs do; then every message is answered by the `handle` export of the module named in
// workerData. A caller that waits synchronously passes its own port and a shared signal, which is
// raised after each answer (see ./segmenter-worker.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { handle } = await import(workerData.module);
const port = workerData.port ?? parentPort;
const signal = workerData.signal ? new Int32Array(workerData.signal) : undefined;
// A caller with its own port is told once the module is loaded (the segmenter: its dictionaries are).
if (workerData.port) {
  if (signal && signal.length > 1) Atomics.store(signal, 1, 1);
  parentPort.postMessage('ready');
}
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
