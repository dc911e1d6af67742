#!/usr/bin/env node
// `npm start`: the Telegram bot (see src/main.ts).
import { register } from 'tsx/esm/api';
register();
await import('../src/main.ts');
