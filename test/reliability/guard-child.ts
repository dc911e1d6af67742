/**
 * Child process of hostile-updates.test.ts: installs the process-wide guard, then leaves a
 * rejection unhandled and throws from a timer, each while "handling" an update. It must log both
 * and live on to print "still alive".
 */
import { installProcessGuard } from '../../src/bot/guard.ts';
import { currentUpdate } from '../../src/bot/runner.ts';
import { createLogger } from '../../src/log.ts';

installProcessGuard(createLogger('info'));
currentUpdate.run({ updateId: 77, key: 'chat:1' }, () => {
  void Promise.reject(new Error('forgotten promise'));
});
await new Promise((resolve) => setTimeout(resolve, 50));
currentUpdate.run({ updateId: 78, key: 'chat:2' }, () => {
  setTimeout(() => {
    throw new TypeError('thrown from a timer');
  }, 10);
});
await new Promise((resolve) => setTimeout(resolve, 100));
process.stdout.write('still alive\n');
