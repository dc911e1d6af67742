import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

describe('logging', () => {
  it('never writes the bot token, in messages, fields or errors', () => {
    let output = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        output += String(chunk);
        done();
      },
    });
    const logger = createLogger('info', sink);
    logger.info(`calling https://api.telegram.org/bot${TOKEN}/getMe`);
    logger.info({ token: TOKEN, config: { botToken: TOKEN } }, 'config loaded');
    logger.error({ err: new Error(`request to https://api.telegram.org/bot${TOKEN}/sendMessage failed`) }, 'send failed');
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain('AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw');
    expect(output).toContain('<token>');
    expect(output.split('\n').filter(Boolean)).toHaveLength(3);
  });
});
