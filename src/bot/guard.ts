/**
 * The process-wide guard: an unhandled rejection or an uncaught exception anywhere (a handler's
 * forgotten promise, a library's event emitter) is logged as one line, naming the update being
 * handled when there is one, and the bot keeps serving. Node's default — print a stack and exit —
 * would turn one hostile update into an outage for every user. Genuine start-up failures are not
 * routed here: they reject startBot's promise and main.ts reports them.
 */
import type { Logger } from '../log.ts';
import { currentUpdate } from './runner.ts';

/** One line describing an error: its name and message, without the stack. */
export function oneLine(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.replace(/\s*\n\s*/g, ' ');
  try {
    return `non-error value: ${JSON.stringify(error)}`.slice(0, 300);
  } catch {
    return `non-error value: ${String(error)}`.slice(0, 300);
  }
}

/** Installs the guard; returns a function that removes it again. */
export function installProcessGuard(logger: Logger): () => void {
  const report = (kind: string) => (error: unknown) => {
    const context = currentUpdate.getStore();
    logger.error({ update: context?.updateId, chat: context?.key, error: oneLine(error) }, kind);
    // The stack helps whoever debugs, but only when asked for.
    if (error instanceof Error) logger.debug({ stack: error.stack }, `${kind}: stack`);
  };
  const onRejection = report('unhandled rejection; still serving');
  const onException = report('uncaught exception; still serving');
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
