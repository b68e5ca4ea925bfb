# Shared by bench/compare.sh and bench/scale.sh (sourced, not run).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python=/usr/bin/python3
jar="$root/examples/target/engram.jar"
work="${TMPDIR:-/tmp}/engram-compare"

# engram bench ... through the launcher, so that the JVM runs with the options users get
engram_bench() { "$root/engram" bench "$@"; }

# the median of the numbers on stdin, one per line
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# the value of a numeric JSON field of the line on stdin
field() { sed -n "s/.*\"$1\": \([-0-9.e]*\).*/\1/p"; }

require_jar() {
  [ -f "$jar" ] || { echo "$(basename "$0"): $jar is missing; build it with ./engram --help" >&2; exit 1; }
}

require_brian() {
  if ! "$python" -c 'import brian2' 2>/dev/null; then
    echo "$(basename "$0"): Brian2 is not installed for $python; run with --install (as root) or apt-get install python3-brian" >&2
    exit 1
  fi
}

# brian_compile NAME NEURONS [THREADS]: generates, compiles and runs Brian2's project once (not
# timed), on THREADS OpenMP threads (default 1: without OpenMP); prints its JSON line and leaves
# the project in $work/NAME-NEURONS (one thread) or $work/NAME-NEURONS-tTHREADS
brian_compile() {
  mkdir -p "$work"
  "$python" "$root/bench/brian2/$1.py" --neurons "$2" --threads "${3:-1}" --dir "$(brian_dir "$@")" 2>/dev/null     | tail -n 1
}

# brian_run NAME NEURONS [THREADS]: reruns the compiled binary; prints its simulation loop's wall seconds
brian_run() {
  local dir
  dir="$(brian_dir "$@")"
  (cd "$dir" && ./main >/dev/null)
  cut -d ' ' -f 1 "$dir/results/last_run_info.txt"
}

brian_dir() {
  if [ "${3:-1}" -gt 1 ]; then echo "$work/$1-$2-t$3"; else echo "$work/$1-$2"; fi
}
