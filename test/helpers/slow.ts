// A VM test that runs the integration suite inside the guest with tsx for many minutes
// (guest-scenarios) runs only when asked for (NKB_SLOW_VM_TESTS=1), so CI stays within its time
// budget; it counts as skipped otherwise. The instruction-clock VM tests run on fixed work and
// take minutes, so they run always.
import { test } from 'uvu';

export const slowTest = process.env.NKB_SLOW_VM_TESTS === '1' ? test : test.skip;
