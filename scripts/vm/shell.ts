// Manual driver: an interactive shell in the guest.  node --import tsx scripts/vm/shell.ts [shareDir]
import { openVmShell } from '../../harness/vm/boot/shell.ts';

process.exitCode = await openVmShell({ shareDir: process.argv[2] });
