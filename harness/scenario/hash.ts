// A fingerprint of each scenario's definition, recorded with every run so `compare` can refuse to
// set two runs side by side when a scenario was rewired between them. The description is prose
// and left out; keys are sorted so reordering a literal does not change the hash.
import { createHash } from 'node:crypto';
import { scenarioKey } from './facts.ts';
import type { Scenario } from './types.ts';

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function scenarioSha256(scenario: Scenario): string {
  const { description: _prose, ...definition } = scenario;
  return createHash('sha256').update(canonicalJson(definition)).digest('hex');
}

export function scenariosSha256(scenarios: readonly Scenario[]): Record<string, string> {
  return Object.fromEntries(scenarios.map((s) => [scenarioKey(s.name, s.topology), scenarioSha256(s)]));
}
