import { describe, it } from 'vitest';

// These drive the real bot (src/main.ts, the bot helper's start function) with the real index
// (src/search/open.ts) and gazetteer against telegram-test-api; they are written once those exist.
// Until then the same behaviour is covered below the bot: commands.test.ts (the Composer through
// telegraf's handleUpdate against the emulator), delivery.test.ts, crash.test.ts, refresh.test.ts.
describe('digest end to end with the real bot', () => {
  it.todo('subscribes in a private chat and confirms "每天 08:00 推送：…（含下辖区县）"');
  it.todo('subscribes a group as an administrator, and refuses a non-administrator politely');
  it.todo('keeps subscriptions across a bot restart');
  it.todo('picks up a new page file while running and sends a digest with only its articles');
  it.todo('unsubscribes, and no digest arrives afterwards');
});
