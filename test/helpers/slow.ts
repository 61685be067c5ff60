// VM tests that boot the instruction clock or a user's kernel for many minutes and have not yet
// passed once on a quiet machine run only when asked for (NKB_SLOW_VM_TESTS=1), so CI stays within
// its time budget and does not hinge on margins never measured; each counts as skipped otherwise.
import { test } from 'uvu';

export const slowTest = process.env.NKB_SLOW_VM_TESTS === '1' ? test : test.skip;
