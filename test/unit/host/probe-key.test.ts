import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { probeKey } from '../../../harness/host/capabilities.ts';
import { SCENARIOS } from '../../../scenarios/index.ts';

test('the settings probe builds each distinct topology once: the veth variants differ only in programs', () => {
  const groups = new Map<string, string[]>();
  for (const s of SCENARIOS) groups.set(probeKey(s), [...(groups.get(probeKey(s)) ?? []), s.name]);
  const veth = [...groups.values()].find((g) => g.includes('veth'));
  assert.ok(veth?.includes('veth-bpf') && veth.includes('veth-tc'), JSON.stringify([...groups.values()]));
  assert.is.not(probeKey(SCENARIOS.find((s) => s.name === 'netkit')!), probeKey(SCENARIOS.find((s) => s.name === 'netkit-l2')!));
});

test.run();
