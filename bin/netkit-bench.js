#!/usr/bin/env node
// The harness is TypeScript run through tsx, so a fresh clone needs no build step beyond `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../harness/cli/main.ts');
process.exitCode = await main(process.argv);
