/**
 * jieba on a worker thread, called synchronously, so that its dictionaries (1.4–2 s of CPU, about
 * 300 MB) load on the other core while the snapshot loads on this one. nodejieba keeps its
 * dictionaries per thread and loads them synchronously, so loading them "early" in this thread
 * only moves the wait; on a worker the two loads overlap. Calls block the caller until the worker
 * answers (a message and a shared signal, as `synckit` does): a query's cut costs about 0.1 ms
 * more, and the first call waits for the dictionaries if they are not loaded yet.
 *
 * One worker can serve several threads, each over its own line (a message port and a signal): the
 * full build's preparing workers share one jieba this way (./build-workers.ts) instead of holding
 * 300 MB of dictionaries each.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { SegmenterCall } from './jieba.ts';

/** Longest wait for one answer (the first includes loading the dictionaries on a busy machine). */
const CALL_TIMEOUT_MS = 120_000;

/** One end of a line to a segmenter worker: a message port and the signal both ends share. */
export interface LineEnd {
  port: MessagePort;
  signal: SharedArrayBuffer;
}

/** A new line: the caller's end, and the end the serving worker is given (see ./worker-entry.mjs). */
export function segmenterLine(): { caller: LineEnd; server: LineEnd } {
  const { port1, port2 } = new MessageChannel();
  // [0]: raised after each answer; [1]: raised once the dictionaries are loaded (./worker-entry.mjs).
  const signal = new SharedArrayBuffer(8);
  return { caller: { port: port1, signal }, server: { port: port2, signal } };
}

/** The caller's end of a line, in whichever thread holds it. */
export class SegmenterClient {
  private readonly port: MessagePort;
  private readonly signal: Int32Array;

  /** `failure`: what the caller knows of the worker's health (the thread that started it does). */
  constructor(
    end: LineEnd,
    private readonly failure: () => Error | undefined = () => undefined,
  ) {
    this.port = end.port;
    this.signal = new Int32Array(end.signal);
    this.port.unref(); // never what keeps a process alive
  }

  /** True once the worker answers without loading its dictionaries first. */
  get ready(): boolean {
    return Atomics.load(this.signal, 1) === 1;
  }

  /** A line has no event for readiness: settles at once (calls wait for the dictionaries anyway). */
  whenReady(): Promise<void> {
    return Promise.resolve();
  }

  /**
   * Runs one call (or a list of calls, answered by the list of their outputs) on the worker and
   * waits for its answer; throws when the worker failed.
   */
  call<T>(input: SegmenterCall | SegmenterCall[]): T {
    const failed = this.failure();
    if (failed) throw failed;
    Atomics.store(this.signal, 0, 0);
    this.port.postMessage(input);
    const reply = this.answer<T>(performance.now() + CALL_TIMEOUT_MS);
    if ('error' in reply) throw new Error(reply.error);
    return reply.output;
  }

  /**
   * Waits for the signal, then reads the answer. On a very busy machine the signal was seen to
   * arrive before the answer could be read (a build's preparing worker then fell back to a jieba
   * of its own, 250 MB more): the answer is looked for again every millisecond until `deadline`.
   */
  private answer<T>(deadline: number): { output: T } | { error: string } {
    let wait = Math.max(0, deadline - performance.now());
    while (Atomics.wait(this.signal, 0, 0, wait) !== 'timed-out') {
      const reply = receiveMessageOnPort(this.port);
      if (reply) return reply.message as { output: T } | { error: string };
      wait = 1;
      if (performance.now() > deadline) break;
    }
    throw new Error('the segmenter worker did not answer');
  }

  async close(): Promise<void> {
    this.port.close();
  }
}

/** The worker: serves this thread's own line, plus the `served` ends of other threads' lines. */
export class SegmenterWorker {
  private readonly worker: Worker;
  private readonly client: SegmenterClient;
  private failed: Error | undefined;
  private readonly loaded: Promise<void>;

  constructor(served: LineEnd[] = []) {
    const own = segmenterLine();
    this.client = new SegmenterClient(own.caller, () => this.failed);
    const lines = [own.server, ...served];
    this.worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: { module: new URL('./segmenter-task.ts', import.meta.url).href, lines },
      transferList: lines.map((line) => line.port),
    });
    this.worker.on('error', (error) => {
      this.failed = error;
    });
    this.loaded = new Promise((resolve) => {
      this.worker.once('message', () => resolve());
      this.worker.once('exit', () => resolve());
    });
    this.worker.unref();
  }

  /** True once the worker answers without loading its dictionaries first (or has failed: calls then fall back at once). */
  get ready(): boolean {
    return this.failed !== undefined || this.client.ready;
  }

  /** Settles when {@link ready} becomes true (or the worker ends). */
  whenReady(): Promise<void> {
    return this.loaded;
  }

  call<T>(input: SegmenterCall | SegmenterCall[]): T {
    return this.client.call<T>(input);
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
