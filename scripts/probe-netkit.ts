// What setup.sh asks after installing packages: can netkit devices be built here as the scenarios
// build them? The same probe as `doctor` and bench's preflight (harness/host/link-probe.ts: the
// run's own `ip link add` arguments, scrub and policies included). Prints one line and exits 0
// when they can, 1 with the reason when they cannot. Needs root (it creates throwaway namespaces).
import { newRunId } from '../harness/core/naming.ts';
import { probeLinkKind } from '../harness/host/link-probe.ts';

const status = await probeLinkKind(newRunId(), 'netkit');
process.stdout.write(status.ok ? 'netkit devices build here as the scenarios build them\n' : `netkit cannot run natively: ${status.reason}\n`);
process.exitCode = status.ok ? 0 : 1;
