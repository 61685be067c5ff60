// The clock figures are measured against (harness/clock/clock.ts resolves it).

export type ClockMode = 'auto' | 'instructions' | 'host';

/** What results.json records (environment.clock); absent in older files, which means host time. */
export type ClockInfo =
  | { kind: 'host' }
  | {
      kind: 'instructions';
      /** -icount shift: one guest instruction advances the guest clock by 2^shift ns. */
      icountShift: number;
      /** Guest instructions per guest second: 1e9 / 2^shift. */
      instructionsPerGuestS: number;
    };
