#!/usr/bin/env bash
# Engram against Brian2 2.5 (C++ standalone, one thread) on this machine, on the same networks.
#
#   bench/compare.sh [--install] [--runs R] [--neurons N] [BENCH[:MODE] ...]
#
# BENCH is cuba, b4, coba or stdp; MODE is event (default) or grid (dt 0.1 ms, Brian2's step).
# Default: cuba cuba:grid b4 b4:grid, 5 runs each, 4000 neurons, each benchmark's default time.
# --install installs Debian's python3-brian (Brian 2.5) with apt-get first.
#
# For each benchmark the Brian2 script generates and compiles its C++ project once (not timed),
# then the Engram bench and the compiled Brian2 binary run alternately R times; Brian2's time is
# its simulation loop alone (results/last_run_info.txt), Engram's the run time of `engram bench`
# (build excluded for both). Prints the median wall time of each, the ratio and the rates.
# Engram runs through the ./engram launcher, with its JVM options (build it first: ./engram --help).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
runs=5
neurons=4000
install=no
benches=()
while [ $# -gt 0 ]; do
  case "$1" in
    --install) install=yes ;;
    --runs) runs="$2"; shift ;;
    --neurons) neurons="$2"; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) benches+=("$1") ;;
  esac
  shift
done
[ ${#benches[@]} -eq 0 ] && benches=(cuba cuba:grid b4 b4:grid)

if [ "$install" = yes ]; then
  apt-get install -y python3-brian g++ >/dev/null
fi
require_brian
require_jar

printf '%-10s %-6s %10s %10s %8s %10s %10s\n' bench mode engram_s brian2_s ratio engram_hz brian2_hz
for spec in "${benches[@]}"; do
  name="${spec%%:*}"
  mode=event
  [ "$spec" != "$name" ] && mode="${spec#*:}"
  # generate, compile and run once (the compile step is not timed)
  first=$(brian_compile "$name" "$neurons")
  brian_hz=$(echo "$first" | field rate_hz)
  e_times=(); b_times=(); e_hz=""
  for ((k = 0; k < runs; k++)); do
    line=$(engram_bench "$name" --neurons "$neurons" --mode "$mode" --json | tail -n 1)
    e_times+=("$(echo "$line" | field wall_s)")
    e_hz=$(echo "$line" | field rate_hz)
    b_times+=("$(brian_run "$name" "$neurons")")
  done
  e_med=$(printf '%s\n' "${e_times[@]}" | median)
  b_med=$(printf '%s\n' "${b_times[@]}" | median)
  ratio=$(awk -v e="$e_med" -v b="$b_med" 'BEGIN {printf "%.2f", b / e}')
  printf '%-10s %-6s %10.4f %10.4f %8s %10.2f %10.2f\n' "$name" "$mode" "$e_med" "$b_med" "${ratio}x" "$e_hz" "$brian_hz"
done
echo "ratio = Brian2 median / Engram median (above 1: Engram is faster); medians of $runs alternating runs"
