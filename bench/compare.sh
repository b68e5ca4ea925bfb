#!/usr/bin/env bash
# Engram against Brian2 2.5 (C++ standalone) on this machine, on the same networks, each on one
# thread and on N threads (Engram's --threads N, Brian2's OpenMP: devices.cpp_standalone.openmp_threads).
#
#   bench/compare.sh [--install] [--runs R] [--neurons N] [--threads T] [BENCH[:MODE] ...]
#
# BENCH is cuba, b4, coba or stdp; MODE is event (default) or grid (dt 0.1 ms, Brian2's step).
# Default: cuba cuba:grid b4 b4:grid, 5 runs each, 4000 neurons, each benchmark's default time,
# T the machine's cores (nproc). --install installs Debian's python3-brian (Brian 2.5) with apt-get first.
#
# For each benchmark the Brian2 script generates and compiles its two C++ projects (one thread,
# and OpenMP on T) once (not timed); then Engram on 1 thread, Engram on T, Brian2 on 1 and Brian2
# on T run in turn, R times; Brian2's time is its simulation loop alone (results/last_run_info.txt),
# Engram's the run time of `engram bench` (build excluded for both). Prints the median wall time
# of each, Engram's speed-up on T threads, the ratios of Brian2's times to Engram's on T threads,
# and the rates. Engram runs through the ./engram launcher, with its JVM options (build it first:
# ./engram --help).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
runs=5
neurons=4000
threads=$(nproc)
install=no
benches=()
while [ $# -gt 0 ]; do
  case "$1" in
    --install) install=yes ;;
    --runs) runs="$2"; shift ;;
    --neurons) neurons="$2"; shift ;;
    --threads) threads="$2"; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
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

e1="engram_1t"; eN="engram_${threads}t"; b1="brian2_1t"; bN="brian2_${threads}t"
printf '%-6s %-6s %11s %11s %11s %11s %9s %9s %9s %10s %10s\n' bench mode "$e1" "$eN" "$b1" "$bN" \
  "e1/e${threads}" "b1/e${threads}" "b${threads}/e${threads}" engram_hz brian2_hz
for spec in "${benches[@]}"; do
  name="${spec%%:*}"
  mode=event
  [ "$spec" != "$name" ] && mode="${spec#*:}"
  # generate, compile and run each Brian2 project once (the compile step is not timed)
  first=$(brian_compile "$name" "$neurons" 1)
  brian_compile "$name" "$neurons" "$threads" >/dev/null
  brian_hz=$(echo "$first" | field rate_hz)
  e1_times=(); eN_times=(); b1_times=(); bN_times=(); e_hz=""
  for ((k = 0; k < runs; k++)); do
    line=$(engram_bench "$name" --neurons "$neurons" --mode "$mode" --threads 1 --json | tail -n 1)
    e1_times+=("$(echo "$line" | field wall_s)")
    e_hz=$(echo "$line" | field rate_hz)
    line=$(engram_bench "$name" --neurons "$neurons" --mode "$mode" --threads "$threads" --json | tail -n 1)
    eN_times+=("$(echo "$line" | field wall_s)")
    b1_times+=("$(brian_run "$name" "$neurons" 1)")
    bN_times+=("$(brian_run "$name" "$neurons" "$threads")")
  done
  e1_med=$(printf '%s\n' "${e1_times[@]}" | median)
  eN_med=$(printf '%s\n' "${eN_times[@]}" | median)
  b1_med=$(printf '%s\n' "${b1_times[@]}" | median)
  bN_med=$(printf '%s\n' "${bN_times[@]}" | median)
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }
  printf '%-6s %-6s %11.4f %11.4f %11.4f %11.4f %9s %9s %9s %10.2f %10.2f\n' "$name" "$mode" "$e1_med" "$eN_med" \
    "$b1_med" "$bN_med" "$(ratio "$e1_med" "$eN_med")" "$(ratio "$b1_med" "$eN_med")" "$(ratio "$bN_med" "$eN_med")" \
    "$e_hz" "$brian_hz"
done
echo "times: medians of $runs runs taken in turn, wall s; ratios above 1: Engram on $threads threads is faster"
