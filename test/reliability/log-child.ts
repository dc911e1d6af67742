/** Child process of logging.test.ts: logs two lines the way `npm start` would with LOG_FORMAT. */
import { createAppLogger } from '../../src/log.ts';

const format = (process.env.LOG_FORMAT ?? 'auto') as 'auto' | 'json' | 'pretty';
const { logger, prettyMissing } = createAppLogger('info', format, process.env.FAKE_TTY === '1');
logger.info({ update: 7 }, 'bot started with long polling');
logger.warn({ err: new Error('boom') }, 'cannot fetch updates from Telegram; retrying until it answers');
process.stdout.write(prettyMissing ? 'pretty-missing\n' : 'ok\n');
