// Entry of a worker thread of ./worker-pool.ts. Worker threads do not inherit the main thread's
// module hooks, so TypeScript is loaded through tsx's loader here, as bin/*.mjs do; then every
// message is answered by the `handle` export of the module named in workerData.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { handle } = await import(workerData.module);
parentPort.on('message', async (input) => {
  try {
    parentPort.postMessage({ output: await handle(input) });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
