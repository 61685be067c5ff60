// Entry of the compiled guest CLI (harness/vm/guest/bundle.ts): what bin/netkit-bench.js does,
// without registering tsx.
import { main } from './main.ts';

process.exitCode = await main(process.argv);
