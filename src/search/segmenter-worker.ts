/**
 * jieba on a worker thread, called synchronously, so that its dictionaries (1.4–2 s of CPU, about
 * 300 MB) load on the other core while the snapshot loads on this one. nodejieba keeps its
 * dictionaries per thread and loads them synchronously, so loading them "early" in this thread
 * only moves the wait; on a worker the two loads overlap. Calls block this thread until the worker
 * answers (a message and a shared signal, as `synckit` does): a query's cut costs about 0.1 ms
 * more, and the first call waits for the dictionaries if they are not loaded yet.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { SegmenterCall } from './jieba.ts';

/** Longest wait for one answer (the first includes loading the dictionaries on a busy machine). */
const CALL_TIMEOUT_MS = 120_000;

export class SegmenterWorker {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  /** [0]: raised after each answer; [1]: raised once the dictionaries are loaded (./worker-entry.mjs). */
  private readonly signal = new Int32Array(new SharedArrayBuffer(8));
  private failed: Error | undefined;
  private readonly loaded: Promise<void>;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: { module: new URL('./segmenter-task.ts', import.meta.url).href, port: port2, signal: this.signal.buffer },
      transferList: [port2],
    });
    this.worker.on('error', (error) => {
      this.failed = error;
    });
    this.loaded = new Promise((resolve) => {
      this.worker.once('message', () => resolve());
      this.worker.once('exit', () => resolve());
    });
    // Never what keeps the process alive.
    this.worker.unref();
    this.port.unref();
  }

  /** True once the worker answers without loading its dictionaries first (or has failed: calls then fall back at once). */
  get ready(): boolean {
    return this.failed !== undefined || Atomics.load(this.signal, 1) === 1;
  }

  /** Settles when {@link ready} becomes true (or the worker ends). */
  whenReady(): Promise<void> {
    return this.loaded;
  }

  /** Runs one call on the worker and waits for its answer; throws when the worker failed. */
  call<T>(input: SegmenterCall): T {
    if (this.failed) throw this.failed;
    Atomics.store(this.signal, 0, 0);
    this.port.postMessage(input);
    if (Atomics.wait(this.signal, 0, 0, CALL_TIMEOUT_MS) === 'timed-out') throw new Error('the segmenter worker did not answer');
    const reply = receiveMessageOnPort(this.port)?.message as { output: T } | { error: string } | undefined;
    if (!reply) throw new Error('the segmenter worker answered nothing');
    if ('error' in reply) throw new Error(reply.error);
    return reply.output;
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
