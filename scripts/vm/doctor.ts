// Manual driver: prints vmAvailability() as JSON.  node --import tsx scripts/vm/doctor.ts
import { vmAvailability } from '../../harness/vm/boot/availability.ts';

const availability = await vmAvailability();
console.log(JSON.stringify(availability, null, 2));
process.exitCode = availability.ok ? 0 : 1;
