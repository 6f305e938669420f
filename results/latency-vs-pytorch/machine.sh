# Sourced by the scripts beside it: what a measurement ran on, in machine.txt, written the same way by each.
# The CPU flags that decide the kernels, how idle vCPUs wait, the load; the commit and whether the tree had changes.

# Prints the lines that open machine.txt; $1: the command line with its settings.
machine_lines() {
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "command: $1"
  echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!results' || echo ' (with uncommitted changes)')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "cores: $(nproc)"
  echo "flags: $(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -xE 'avx2|fma|avx512f|avx512_vnni|avx_vnni|avx512_bf16|amx_bf16|amx_int8' | tr '\n' ' ')"
  echo "cpuidle: driver $(cat /sys/devices/system/cpu/cpuidle/current_driver 2>/dev/null || echo none), guest_halt_poll_ns $(cat /sys/module/haltpoll/parameters/guest_halt_poll_ns 2>/dev/null || echo -)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Appends the closing lines to machine.txt; $1: machine.txt, $2: the script's name, $3: its start (date +%s).
machine_closing_lines() {
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$1"
  echo "$2 took $(( $(date +%s) - $3 )) s" >>"$1"
}
