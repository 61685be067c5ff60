// Entry of the compiled CLI (bin/bundle.js), which bin/netkit-bench.js runs on the host and the
// VM's guest runs as is.
import { main } from './main.ts';

process.exitCode = await main(process.argv);
