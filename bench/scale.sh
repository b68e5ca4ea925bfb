#!/usr/bin/env bash
# How wall time grows with the network's size: one benchmark at several sizes.
#
#   bench/scale.sh [--brian] [--floor] [--runs R] [--bench NAME] [--mode event|grid] [N ...]
#
# For each N (default 1000 3000 10000 30000 100000 neurons; every neuron keeps its 80 inputs, so
# the synapses and the synaptic events grow as N) runs `engram bench NAME --neurons N` R times
# (default 3, through ./engram with -Xmx4g) and prints the median wall time, the synaptic events,
# the wall time per event, the engine's own events per synaptic event (the work per event: flat
# when the algorithm is linear in the events) and the peak heap; at the end, how much the time per
# event grew from the smallest N to the largest (1.00: linear in the events) and the exponent k of
# wall time ~ events^k fitted over all sizes (least squares on the logarithms; 1: linear, and
# less sensitive than the first size alone to the noise of its short run). --brian also runs
# the same network in Brian2 (compiled once per N, not timed), alternating with Engram, and
# divides its time by Engram's event count (the networks and rates are the same). --floor adds
# the time per deposit of the JMH benchmark RandomDeposits (microbenchmarks/) at each N: the same random
# read-modify-writes of 64-byte neuron records with nothing else running, that is, what the
# memory alone costs as the records outgrow the caches. Default bench: cuba, event mode.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
runs=3
name=cuba
mode=event
brian=no
floor=no
sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --brian) brian=yes ;;
    --floor) floor=yes ;;
    --runs) runs="$2"; shift ;;
    --bench) name="$2"; shift ;;
    --mode) mode="$2"; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) echo "scale.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) sizes+=("$1") ;;
  esac
  shift
done
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 3000 10000 30000 100000)
require_jar
[ "$brian" = yes ] && require_brian

declare -A floor_ns=()
if [ "$floor" = yes ]; then
  microbenchmarks="$root/microbenchmarks/target/microbenchmarks.jar"
  [ -f "$microbenchmarks" ] || { echo "scale.sh: $microbenchmarks is missing; build it with ./engram --help" >&2; exit 1; }
  csv=$(mktemp)
  trap 'rm -f "$csv"' EXIT
  java -jar "$microbenchmarks" RandomDeposits -p neurons="$(IFS=,; echo "${sizes[*]}")" -rf csv -rff "$csv" >/dev/null
  # the CSV's columns: benchmark, mode, threads, samples, score, error, unit, neurons
  while read -r n ns; do floor_ns[$n]=$ns; done < <(tr -d '\r' < "$csv" | awk -F, 'NR > 1 {printf "%s %.2f\n", $8, $5}')
fi

printf '%9s %11s %13s %10s %9s %10s %9s' neurons synapses syn_events engram_s ns/event ev/syn_ev heap_mb
[ "$floor" = yes ] && printf ' %9s' floor_ns
[ "$brian" = yes ] && printf ' %10s %9s' brian2_s ns/event
printf '\n'
first_e=""; last_e=""; first_b=""; last_b=""
fit_e=""; fit_b=""
for n in "${sizes[@]}"; do
  [ "$brian" = yes ] && brian_compile "$name" "$n" >/dev/null
  e_times=(); b_times=(); line=""
  for ((k = 0; k < runs; k++)); do
    line=$(ENGRAM_JAVA_OPTS="-Xmx4g ${ENGRAM_JAVA_OPTS:-}" engram_bench "$name" --neurons "$n" --mode "$mode" --json | tail -n 1)
    e_times+=("$(echo "$line" | field wall_s)")
    [ "$brian" = yes ] && b_times+=("$(brian_run "$name" "$n")")
  done
  events=$(echo "$line" | field synaptic_events)
  e_med=$(printf '%s\n' "${e_times[@]}" | median)
  e_ns=$(awk -v w="$e_med" -v e="$events" 'BEGIN {printf "%.1f", w / e * 1e9}')
  per_event=$(awk -v q="$(echo "$line" | field engine_events)" -v e="$events" 'BEGIN {printf "%.3f", q / e}')
  printf '%9d %11d %13d %10.4f %9s %10s %9.1f' "$n" "$(echo "$line" | field synapses)" "$events" "$e_med" "$e_ns" \
    "$per_event" "$(echo "$line" | field heap_mb)"
  first_e=${first_e:-$e_ns}; last_e=$e_ns
  fit_e+="$events $e_med"$'\n'
  [ "$floor" = yes ] && printf ' %9s' "${floor_ns[$n]}"
  if [ "$brian" = yes ]; then
    b_med=$(printf '%s\n' "${b_times[@]}" | median)
    b_ns=$(awk -v w="$b_med" -v e="$events" 'BEGIN {printf "%.1f", w / e * 1e9}')
    printf ' %10.4f %9s' "$b_med" "$b_ns"
    first_b=${first_b:-$b_ns}; last_b=$b_ns
    fit_b+="$events $b_med"$'\n'
  fi
  printf '\n'
done
growth() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", b / a}'; }
# the least-squares slope of log(wall) against log(events), from "events wall" lines on stdin
exponent() {
  awk 'NF == 2 {x = log($1); y = log($2); n++; sx += x; sy += y; sxx += x * x; sxy += x * y}
       END {printf "%.3f", (n * sxy - sx * sy) / (n * sxx - sx * sx)}'
}
printf 'time per synaptic event, %s to %s neurons: Engram x%s' "${sizes[0]}" "${sizes[-1]}" "$(growth "$first_e" "$last_e")"
[ "$brian" = yes ] && printf ', Brian2 x%s' "$(growth "$first_b" "$last_b")"
[ "$floor" = yes ] && printf ', floor x%s' "$(growth "${floor_ns[${sizes[0]}]}" "${floor_ns[${sizes[-1]}]}")"
printf ' (1.00: wall time linear in the synaptic events; medians of %s runs)\n' "$runs"
if [ ${#sizes[@]} -gt 1 ]; then
  printf 'wall time ~ synaptic events^k over the sizes: Engram k = %s' "$(printf '%s' "$fit_e" | exponent)"
  [ "$brian" = yes ] && printf ', Brian2 k = %s' "$(printf '%s' "$fit_b" | exponent)"
  printf ' (1: linear)\n'
fi
