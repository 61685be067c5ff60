#!/bin/bash
# Runs inside the guest (NKB_IN_VM=1): one iperf3 TCP stream between two namespaces, over netkit
# and over veth, for $1 seconds each (default 3). Prints "<kind> <Gbit/s>" lines.
#   netkit-bench vm shell, then in the guest: bash scripts/vm/iperf-smoke.sh 3
set -euo pipefail
[ "${NKB_IN_VM:-}" = 1 ] || { echo "iperf-smoke: refusing to run outside the VM (NKB_IN_VM != 1)" >&2; exit 2; }
seconds="${1:-3}"
a=nkb-vmtest-a
b=nkb-vmtest-b

cleanup() { ip netns del "$a" 2>/dev/null || true; ip netns del "$b" 2>/dev/null || true; }
trap cleanup EXIT

measure() {
  local kind="$1"
  cleanup
  ip netns add "$a"
  ip netns add "$b"
  if [ "$kind" = netkit ]; then
    ip link add nkb-vmtest-p type netkit peer name nkb-vmtest-q
  else
    ip link add nkb-vmtest-p type veth peer name nkb-vmtest-q
  fi
  ip link set nkb-vmtest-p netns "$a"
  ip link set nkb-vmtest-q netns "$b"
  ip -n "$a" addr add 198.18.0.1/30 dev nkb-vmtest-p
  ip -n "$b" addr add 198.18.0.2/30 dev nkb-vmtest-q
  for ns in "$a" "$b"; do ip -n "$ns" link set lo up; done
  ip -n "$a" link set nkb-vmtest-p up
  ip -n "$b" link set nkb-vmtest-q up
  ip netns exec "$a" iperf3 -s -1 -B 198.18.0.1 >/dev/null &
  local server=$!
  sleep 0.5
  ip netns exec "$b" iperf3 -c 198.18.0.1 -B 198.18.0.2 -t "$seconds" -J >"/tmp/iperf-$kind.json"
  wait "$server"
  node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(process.argv[2], (r.end.sum_received.bits_per_second / 1e9).toFixed(2), "Gbit/s")' \
    "/tmp/iperf-$kind.json" "$kind"
}

measure netkit
measure veth
