#!/usr/bin/env bash
# Checks setup and a quick native run on another Debian release, in a chroot on this machine with
# the host's kernel: debootstrap a root file system (Debian's packages only), clone this checkout
# into it, run scripts/setup.sh there and `bench --quick --vm never`, then unmount everything.
# Scenarios the host's kernel cannot run (netkit without CONFIG_NETKIT) are skipped natively.
#
#   bash scripts/debian-chroot-check.sh [SUITE] [ROOTFS]     (default: trixie /var/tmp/nkb-chroot-trixie)
#   NKB_CHROOT_KEEP=1   keep the root file system afterwards (it is removed otherwise)
#   NKB_BENCH_ARGS      extra bench flags for the quick run (default: --workloads tcp_rr)
set -euo pipefail
cd "$(dirname "$0")/.."
SUITE=${1:-trixie}
ROOT=${2:-/var/tmp/nkb-chroot-$SUITE}
MIRROR=http://deb.debian.org/debian
read -r -a BENCH_ARGS <<< "${NKB_BENCH_ARGS:---workloads tcp_rr}"
say() { printf 'chroot-check: %s\n' "$*" >&2; }
[ "$(id -u)" = 0 ] || { say "must run as root"; exit 2; }
command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null

MOUNTS=()
bind() { mkdir -p "$ROOT$2"; mount "${@:3}" "$1" "$ROOT$2"; MOUNTS=("$ROOT$2" "${MOUNTS[@]}"); }
cleanup() {
  local m
  for m in "${MOUNTS[@]}"; do umount -l "$m" 2>/dev/null || true; done
  if [ -z "${NKB_CHROOT_KEEP:-}" ] && ! grep -qs " $ROOT/" /proc/self/mounts; then rm -rf "$ROOT"; fi
}
trap cleanup EXIT

if [ ! -x "$ROOT/usr/bin/apt-get" ]; then
  say "debootstrap $SUITE into $ROOT"
  debootstrap --variant=minbase --include=ca-certificates "$SUITE" "$ROOT" "$MIRROR" >&2
fi
# The root is a mount point of its own, so runs can make their mount namespace private (unshare);
# then the host's kernel interfaces. /run is the chroot's own, so namespaces it makes stay out of the host's /run/netns.
bind "$ROOT" / --bind
bind proc /proc -t proc
bind /sys /sys --bind
bind bpf /sys/fs/bpf -t bpf
bind cgroup2 /sys/fs/cgroup -t cgroup2
bind /dev /dev --bind
bind devpts /dev/pts -t devpts -o newinstance,ptmxmode=0666
bind run /run -t tmpfs
bind tmp /tmp -t tmpfs -o mode=1777
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
# CAs this host trusts locally (a TLS-inspecting proxy's, say) are needed in the chroot to reach npm too.
if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
  mkdir -p "$ROOT/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$ROOT/usr/local/share/ca-certificates/"
  chroot "$ROOT" update-ca-certificates >/dev/null
fi

rm -rf "$ROOT/root/netkit-bench"
git clone -q "$PWD" "$ROOT/root/netkit-bench"
# Node (20 on Debian 13) and npm are the one prerequisite setup.sh does not install.
in_root() { chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt "$@"; }
in_root sh -c 'command -v node >/dev/null || { apt-get update -qq && apt-get install -y -qq --no-install-recommends nodejs npm git >/dev/null; }'
in_root sh -c '. /etc/os-release; echo "chroot: $PRETTY_NAME, node $(node --version), host kernel $(uname -r)"'
in_root sh -c 'cd /root/netkit-bench && bash scripts/setup.sh'
in_root sh -c 'ip -V; bpftool version | head -1'
in_root sh -c "cd /root/netkit-bench && node bin/netkit-bench.js bench --quick --vm never --no-report --out /root/results ${BENCH_ARGS[*]}"
say "setup and a quick native run passed on $SUITE"
