// The worker thread's entry: a worker does not take the parent's tsx hooks for its entry file,
// so it registers tsx itself and then loads the TypeScript helper that does the work.
import { register } from 'tsx/esm/api';

register();
await import('./hostile-parse.ts');
