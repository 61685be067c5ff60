// The build-scope axes that act on devices (mtu, gso) as data: a scenario variant whose every
// device of every link takes the point's settings over the scenario's own (bench/axes.ts build).
// Plan and read-back both take the variant, so what is asked and what is checked cannot drift apart.
import type { LinkSettings, Scenario } from './types.ts';

/** Settings of every device of every link, over the scenario's own (scenarios/base.ts LINK_SETTINGS); absent fields keep them. */
export type LinkOverride = Partial<Omit<LinkSettings, 'rpFilter'>>;

/** `scenario` with `override` spread over its linkSettings; the scenario itself when there is none. */
export function withLinkOverride(scenario: Scenario, override: LinkOverride | undefined): Scenario {
  if (!override || Object.keys(override).length === 0) return scenario;
  return { ...scenario, linkSettings: { ...scenario.linkSettings, ...override } };
}
