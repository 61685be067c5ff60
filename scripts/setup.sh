#!/usr/bin/env bash
# Idempotent setup, run first by `npm run bench` and `npm test`: system packages, node modules,
# the BPF build and bpffs. When everything is in place it checks and returns in about a second.
#   NKB_BPF_TAX=N   build the wire program with N bpf_loop rounds per packet on the server's side
#                   (bpf/wire_tax.h; the unit of bench --inject-cost): a datapath regression made
#                   to order, for testing the nightly gate. Unset or 0: none. The next setup
#                   without it builds the objects back as they were.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }
die() { printf 'setup: %s\n' "$*" >&2; exit 2; }

tax=${NKB_BPF_TAX:-0}
[[ $tax =~ ^[0-9]{1,7}$ ]] && (( 10#$tax <= 8388608 )) || die "NKB_BPF_TAX \"$tax\" must be a whole number of bpf_loop rounds from 0 to 8388608"
tax=$((10#$tax))

[ "$(id -u)" = 0 ] || die "must run as root (netkit-bench creates network namespaces and attaches BPF programs); try: sudo npm run setup"

# Packages and the versions that matter: ip must know netkit and its scrub option (as
# `ip link help netkit` lists them), libbpf must have bpf_program__attach_netkit (>= 1.3). Whether
# a netkit device can really be built as the scenarios build it is answered at the end by the
# harness's own probe (scripts/probe-netkit.ts), which runs the run's exact `ip link add`.
APT_PLAIN=(clang llvm make gcc pkg-config libelf-dev zlib1g-dev iperf3 sockperf ethtool busybox-static cpio ruby util-linux procps git chromium netperf)
APT_NEW=(iproute2 bpftool libbpf-dev linux-libc-dev qemu-system-x86)

missing_packages() {
  local p
  for p in "${APT_PLAIN[@]}" "${APT_NEW[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
}
ip_knows_netkit() { ip link help netkit 2>&1 | grep -q 'scrub'; }
libbpf_ok() { pkg-config --atleast-version=1.3 libbpf 2>/dev/null; }

# The release decides where the new packages come from: Debian 12 (bookworm) needs its backports
# for iproute2 6.15, bpftool 7.5, libbpf 1.4 and qemu 10; Debian 13 (trixie) and later ship them.
. /etc/os-release
codename=${VERSION_CODENAME:-}
backports=""
case "${ID:-}:$codename" in
  debian:bookworm) backports="bookworm-backports" ;;
  debian:*) ;;
  *) say "warning: ${PRETTY_NAME:-this system} is not Debian 12 or 13; installing from its own apt sources" ;;
esac

# netperf (TCP_CRR, TCP_RR: the compiled load generator of the per-transaction workloads) is in
# Debian's non-free component. That component is enabled for netperf alone: apt pinning gives
# every other non-free package priority -1, so nothing else can come from it.
netperf_source() {
  [ "${ID:-}" = debian ] && [ -n "$codename" ] || return 0
  [ -f /etc/apt/sources.list.d/netkit-bench-netperf.sources ] && return 0
  say "enabling Debian $codename non-free for netperf only (pinned in /etc/apt/preferences.d/netkit-bench-netperf)"
  cat > /etc/apt/sources.list.d/netkit-bench-netperf.sources <<EOF
Types: deb
URIs: http://deb.debian.org/debian
Suites: $codename
Components: non-free
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  cat > /etc/apt/preferences.d/netkit-bench-netperf <<EOF
Package: netperf
Pin: release n=$codename, c=non-free
Pin-Priority: 500

Package: *
Pin: release n=$codename, c=non-free
Pin-Priority: -1
EOF
}

need=$(missing_packages | tr '\n' ' ')
if [ -n "$need" ] || ! ip_knows_netkit || ! libbpf_ok; then
  export DEBIAN_FRONTEND=noninteractive
  if [ -n "$backports" ] && ! grep -rqs "$backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    say "adding Debian $backports to apt's sources (iproute2 6.15, bpftool 7.5, libbpf 1.4, qemu 10)"
    cat > /etc/apt/sources.list.d/netkit-bench-backports.sources <<EOF
Types: deb
URIs: http://deb.debian.org/debian
Suites: $backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  fi
  netperf_source
  say "installing: ${need:-newer iproute2/libbpf}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${APT_PLAIN[@]}" >/dev/null
  if [ -n "$backports" ]; then
    apt-get install -y -qq --no-install-recommends -t "$backports" "${APT_NEW[@]}" >/dev/null
  else
    apt-get install -y -qq --no-install-recommends "${APT_NEW[@]}" >/dev/null
  fi
  libbpf_ok || die "libbpf >= 1.3 is required for the BPF loader (have $(pkg-config --modversion libbpf 2>/dev/null || echo none))"
fi

# Node modules: npm ci when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

# BPF objects and the loader (make is incremental: a no-op when up to date; a changed tax rebuilds
# the wire program, bpf/Makefile).
make -s -C bpf NKB_BPF_TAX="$tax" >&2
[ "$tax" = 0 ] || say "the wire program carries a tax of $tax bpf_loop rounds per packet on the server's side (NKB_BPF_TAX)"

# bpffs, where runs pin their links.
if ! grep -qs ' /sys/fs/bpf bpf ' /proc/self/mounts; then
  say "mounting bpffs at /sys/fs/bpf"
  mount -t bpf bpf /sys/fs/bpf
fi

# Scenarios set their namespaces' congestion control explicitly (scenarios/base.ts, cubic). Outside
# the root namespace the kernel lets that default be set only to an algorithm in the global
# net.ipv4.tcp_allowed_congestion_control (tcp_set_default_congestion_control(): EPERM otherwise),
# which a host that chose another default (bbr) may not list. Allowing cubic changes nothing for
# the host's own sockets; without it every scenario is skipped with that reason.
CC=cubic
allowed=$(cat /proc/sys/net/ipv4/tcp_allowed_congestion_control 2>/dev/null || true)
if [ -n "$allowed" ] && ! grep -qw "$CC" <<<"$allowed"; then
  modprobe -q "tcp_$CC" 2>/dev/null || true
  if grep -qw "$CC" /proc/sys/net/ipv4/tcp_available_congestion_control; then
    say "adding $CC to net.ipv4.tcp_allowed_congestion_control ($allowed), so namespaces can select it"
    sysctl -q -w net.ipv4.tcp_allowed_congestion_control="$allowed $CC"
  fi
fi

# netkit as the scenarios build it (mode, policies, scrub): the same probe as doctor and bench's
# preflight, so a plain `type netkit` that passes cannot hide a scrub that fails. Not fatal: the
# netkit scenarios then run in the built-in VM, and the warning says why they cannot run here.
if ! netkit=$(node --import tsx scripts/probe-netkit.ts 2>&1); then
  say "warning: ${netkit} (doctor says the same)"
fi
