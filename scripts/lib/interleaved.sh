# Sourced by scripts/gate-power.sh and scripts/gate-shift.sh: what an interleaved run pairs.

# pairs_of RUN_DIR SUFFIX: the --interleaved pairs of the plain scenarios a run measured, each
# with its SUFFIX twin, e.g. "host:host+copy,veth-bpf:veth-bpf+copy" (bench --ab-inject-cost names
# the twin S+copy when the cost is 0 and S+tax otherwise).
pairs_of() {
  node -e 'const r=require(process.argv[1]);const s=[...new Set(r.measurements.map(m=>m.scenario))].filter(x=>!x.includes("+"));console.log(s.map(x=>`${x}:${x}+${process.argv[2]}`).join(","))' "$(realpath "$1")/results.json" "$2"
}
