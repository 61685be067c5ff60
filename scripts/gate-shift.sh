#!/usr/bin/env bash
# Which change would the gate detect, given the noise this machine really has? Takes the A/A
# interleaved runs that scripts/gate-power.sh -M interleaved made (each measures a scenario S next
# to an untaxed copy S+copy), and for each shift makes a copy of every run in which S+copy's values
# of the gated metric are lowered by that many percent, then judges it as gate-power judges an A/B
# round (compare --interleaved S:S+copy). The noise is measured, the change is synthetic: this
# assumes a cost scales the metric by a constant factor (what a per-packet cost does to a rate, to
# first order), and it cannot see what a real cost does besides (more variance, a different
# placement). Use it to find the smallest change detected 19 times in 20, then check one size
# with a real cost (gate-power -c N).
#
#   scripts/gate-shift.sh -s PCT[,PCT...] [-t THRESHOLD_PCT] [-m METRIC] [-o DIR] GATE_POWER_DIR...
#
# Defaults: threshold 5 %, metric transactionsPerS, output under results/gate-shift-<time>. Prints
# one line per shift: detections, and the false alarms of the unshifted runs.
set -euo pipefail
cd "$(dirname "$0")/.."

SHIFTS="" THRESHOLD=5 METRIC=transactionsPerS OUT=""
die() { printf 'gate-shift: %s\n' "$*" >&2; exit 2; }
while getopts 's:t:m:o:h' opt; do
  case "$opt" in
    s) SHIFTS=$OPTARG ;; t) THRESHOLD=$OPTARG ;; m) METRIC=$OPTARG ;; o) OUT=$OPTARG ;; *) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[[ "$SHIFTS" =~ ^[0-9]+(\.[0-9]+)?(,[0-9]+(\.[0-9]+)?)*$ ]] || die "-s \"$SHIFTS\" must be one or more percentages, comma-separated (e.g. 2,5,10)"
[[ "$METRIC" =~ ^[A-Za-z0-9]+$ ]] || die "-m \"$METRIC\" must be one metric name"
[ $# -gt 0 ] || die "name at least one gate-power folder (its runs/ hold the A/A runs)"
OUT=${OUT:-results/gate-shift-$(date -u +%Y%m%dT%H%M%SZ)}
nkb() { node bin/netkit-bench.js "$@"; }

# The complete A/A runs: those with a scenario S and its copy S+copy.
runs=()
for d in "$@"; do
  [ -d "$d/runs" ] || die "\"$d\" has no runs/ folder"
  for r in "$d"/runs/*/; do
    [ -f "$r/results.json" ] || continue
    node -e 'const r=require(process.argv[1]);process.exit(r.complete&&r.measurements.some(m=>m.scenario.endsWith("+copy"))?0:1)' "$(realpath "$r")/results.json" && runs+=("${r%/}")
  done
done
[ ${#runs[@]} -gt 0 ] || die "no complete A/A interleaved run (S and S+copy) under $*"

# shellcheck source=lib/interleaved.sh
. scripts/lib/interleaved.sh
judge() {
  local save=$1 run=$2 rc=0
  nkb compare "$run" --interleaved "$(pairs_of "$run" copy)" --threshold "$THRESHOLD" --metric "$METRIC" --save "$save" > "${save%.json}.txt" || rc=$?
  [ "$rc" -le 1 ] || die "compare $run failed (exit $rc): $(tail -1 "${save%.json}.txt")"
}

printf 'gate-shift: %d A/A runs, threshold %s%%, metric %s\n' "${#runs[@]}" "$THRESHOLD" "$METRIC" >&2
# The unshifted runs are the same whatever the shift: judged once, their verdicts copied into
# every shift's folder (gate-power reads aa-*.json and ab-*.json from one folder).
mkdir -p "$OUT/aa"
for r in "${runs[@]}"; do judge "$OUT/aa/aa-$(basename "$r").json" "$r"; done
for s in ${SHIFTS//,/ }; do
  dir="$OUT/shift-$s"
  mkdir -p "$dir/runs"
  cp "$OUT"/aa/aa-* "$dir/"
  for r in "${runs[@]}"; do
    id=$(basename "$r")
    mkdir -p "$dir/runs/$id"
    node -e '
      const fs = require("fs"); const [src, dst, metric, pct] = process.argv.slice(1);
      const r = JSON.parse(fs.readFileSync(src, "utf8"));
      for (const m of r.measurements) if (m.scenario.endsWith("+copy") && typeof m.metrics[metric] === "number") m.metrics[metric] *= 1 - Number(pct) / 100;
      r.summary = []; r.note = `gate-shift: ${metric} of the +copy scenarios lowered by ${pct}% (synthetic)`;
      fs.writeFileSync(dst, JSON.stringify(r));' "$(realpath "$r")/results.json" "$dir/runs/$id/results.json" "$METRIC" "$s"
    judge "$dir/ab-$id.json" "$dir/runs/$id"
  done
  printf 'shift %s%%: ' "$s"
  nkb gate-power "$dir" --json | node -e 'let t="";process.stdin.on("data",d=>t+=d).on("end",()=>{const s=JSON.parse(t);console.log(`detected ${s.detections.hits} of ${s.detections.pairs}; A/A false alarms ${s.falseAlarms.hits} of ${s.falseAlarms.pairs}`)})'
done
