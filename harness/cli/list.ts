// `netkit-bench list`: the scenarios and the workloads, each name in one column wide enough for the
// longest name of either list, so every description starts at the same place.

type Named = { name: string; description: string };

export function listLines(scenarios: readonly Named[], workloads: readonly Named[]): string[] {
  const width = Math.max(...[...scenarios, ...workloads].map((x) => x.name.length));
  const rows = (items: readonly Named[]) => items.map((x) => `  ${x.name.padEnd(width)}  ${x.description}`);
  return ['scenarios:', ...rows(scenarios), 'workloads:', ...rows(workloads)];
}
