# The JVM options the ./engram launcher adds (sourced by ./engram and bench/paired.sh): sets
# the array jvm_opts.
# Transparent huge pages where the kernel offers them: a large network's state is read at random,
# and 2 MB pages spare the address translation (cuba at 100,000 neurons: about 10 % faster to run
# and twice as fast to build); where the kernel has none the JVM would only warn.
jvm_opts=()
if grep -qE '\[(always|madvise)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  jvm_opts+=(-XX:+UseTransparentHugePages)
fi
