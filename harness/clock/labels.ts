// How instruction-clock figures are labelled in every output: a rate "per second" of the guest's
// clock is a rate per 1e9 guest instructions (at shift 0), a latency in µs is 1,000 guest
// instructions per µs. Never presented as hardware speed.
import type { ClockInfo } from '../model/clock.ts';

/** "1e9" for shift 0, else the instructions one guest second holds. */
function perGuestSecond(clock: Extract<ClockInfo, { kind: 'instructions' }>): string {
  const n = clock.instructionsPerGuestS;
  return Number.isInteger(Math.log10(n)) ? `1e${Math.log10(n)}` : n.toExponential(3);
}

/**
 * The unit as shown: unchanged on the host clock; on the instruction clock a rate unit
 * (Gbit/s, 1/s) becomes "Gbit per 1e9 guest instructions", and a time-based unit (µs, core-µs) gets
 * "(instruction clock)": 1 µs is 1,000 guest instructions at shift 0.
 */
export function clockedUnit(unit: string, clock: ClockInfo | undefined): string {
  if (!clock || clock.kind === 'host' || unit === '' || unit === 'count' || unit === '%') return unit;
  const per = `per ${perGuestSecond(clock)} guest instructions`;
  if (unit === '1/s') return per;
  if (unit.endsWith('/s')) return `${unit.slice(0, -2)} ${per}`;
  return `${unit} (instruction clock)`;
}

/**
 * One sentence for headers and footers: what the figures are, and how far they repeat between
 * boots (rates and p50 within 0.5%; p99 3-28% apart at some points, docs/sweeps.md#p99-between-boots),
 * or nothing on the host clock.
 */
export function clockNote(clock: ClockInfo | undefined): string | undefined {
  if (!clock || clock.kind === 'host') return undefined;
  return `instruction clock (qemu TCG -icount shift=${clock.icountShift}, ${perGuestSecond(clock)} guest instructions per guest second): ` +
    'figures are work per instruction executed by the whole guest, not hardware speed; only ratios between scenarios carry meaning; ' +
    'rates repeat between boots within 0.5%, p50 within 0.5% or one whole µs, p99 and other tail percentiles can move several percent (docs/sweeps.md#p99-between-boots)';
}
