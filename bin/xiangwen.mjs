#!/usr/bin/env node
// The `xiangwen` command (see src/cli.ts).
import { register } from 'tsx/esm/api';
register();
await import('../src/cli.ts');
