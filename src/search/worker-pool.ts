/**
 * A fixed pool of worker threads, each running the `handle(input)` export of one TypeScript
 * module (loaded through ./worker-entry.mjs). Jobs are queued and handed to the next idle worker.
 *
 * Why not piscina or tinypool: the build needs only this (a fixed pool, a queue, and an error that
 * names the job), and both would have to register tsx's loader in a bootstrap file all the same.
 */
import { type MessagePort, Worker } from 'node:worker_threads';

interface Job<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: Error) => void;
}

type Reply<O> = { output: O } | { error: string };

export class WorkerPool<I, O> {
  private readonly idle: Worker[] = [];
  private readonly queue: Job<I, O>[] = [];
  private readonly running = new Map<Worker, Job<I, O>>();
  private broken: Error | undefined;
  private closed = false;

  /**
   * `module`: a module URL exporting `handle(input: I): O | Promise<O>`. `extra(index)`: what the
   * worker at `index` finds in its workerData besides the module (`transfer`: the message ports
   * in it).
   */
  constructor(
    module: URL,
    readonly size: number,
    extra: (index: number) => { data: Record<string, unknown>; transfer: MessagePort[] } = () => ({ data: {}, transfer: [] }),
  ) {
    for (let i = 0; i < size; i++) {
      const { data, transfer } = extra(i);
      const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
        workerData: { ...data, module: module.href },
        transferList: transfer,
      });
      worker.on('message', (reply: Reply<O>) => this.settle(worker, reply));
      worker.on('error', (error) => this.fail(worker, error));
      worker.on('exit', (code) => {
        if (!this.closed) this.fail(worker, new Error(`a build worker stopped (exit code ${code})`));
      });
      this.idle.push(worker);
    }
  }

  run(input: I): Promise<O> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const job = this.queue.shift() as Job<I, O>;
      this.running.set(worker, job);
      worker.postMessage(job.input);
    }
  }

  private settle(worker: Worker, reply: Reply<O>): void {
    const job = this.running.get(worker);
    this.running.delete(worker);
    this.idle.push(worker);
    if ('error' in reply) job?.reject(new Error(reply.error));
    else job?.resolve(reply.output);
    this.dispatch();
  }

  /** A worker that crashed takes the pool down: its job and every queued one fail with its error. */
  private fail(worker: Worker, error: Error): void {
    this.broken ??= error;
    this.running.get(worker)?.reject(error);
    this.running.delete(worker);
    for (const job of this.queue.splice(0)) job.reject(error);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.idle, ...this.running.keys()].map((worker) => worker.terminate()));
  }
}
