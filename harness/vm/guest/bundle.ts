// The CLI and the probe compiled to plain JavaScript for the guest, before it boots: under the
// instruction clock every guest instruction costs host time, and tsx transpiling at each start
// would cost billions of them. The same bundle the host's bin/netkit-bench.js runs; how it is
// built and named: bin/bundle.js.
export { BUNDLE_ROOT as GUEST_BUNDLE_ROOT, buildBundle as ensureGuestBundle, type Bundle as GuestBundle } from '../../../bin/bundle.js';
