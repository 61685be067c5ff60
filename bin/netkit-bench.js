#!/usr/bin/env node
// The CLI, run from its esbuild bundle (bin/bundle.js): built by the first command after a source
// change (~0.7 s), then reused, so a fresh clone needs no build step beyond `npm ci`, and a
// command starts in ~0.45 s instead of tsx's ~2.4 s. Where the bundle cannot be built or written
// (a checkout this user may not write to), the TypeScript runs through tsx as it is.
import { pathToFileURL } from 'node:url';
import { hostBundle } from './bundle.js';

const bundled = await hostBundle().catch(() => undefined);
if (bundled) {
  await import(pathToFileURL(bundled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../harness/cli/main.ts');
  process.exitCode = await main(process.argv);
}
