// The CLI and the probe compiled to plain JavaScript for the guest, before it boots: under the
// instruction clock every guest instruction costs host time, and tsx transpiling at each start
// would cost billions of them. The same bundle the host's bin/netkit-bench.js runs, found by the
// sources' key when that command already built it (no second esbuild run per VM run); how it is
// built and named: bin/bundle.js.
export { hostBundle as guestBundle } from '../../../bin/bundle.js';
