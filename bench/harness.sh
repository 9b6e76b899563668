#!/usr/bin/env bash
# Harness overhead benchmark (not a test): the same Linux guest (host kernel + our busybox initramfs),
# same QEMU machine (pc-virtio, TCG, no VGA), booted to the same console marker
#   A) raw QEMU (-serial stdio) + a minimal bash expect loop,
#   B) the harness in a fresh JVM (whole process, JVM start included) and its own time without JVM start,
#   C) a scenario resumed from a snapshot vs a boot.
# Usage: bench/harness.sh [runs]   (default 5; needs qemu-system-x86, qemu-utils, busybox-static and the test guest's
# kernel, which `ants doctor --install` unpacks into the ants cache)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
jar=$here/cli/target/ants.jar
"$here/ants" --version >/dev/null   # builds the jar when needed
work=$(mktemp -d /tmp/ants-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
# The bench driver (SelfTestMain, the Linux test guest) is test code: compile it and jar it beside ants.jar.
(cd "$here" && mvn -B -q -pl qemu-harness -am test-compile) >"$work/mvn.log" 2>&1 || { tail -n 30 "$work/mvn.log" >&2; exit 1; }
jar cf "$work/selftest.jar" -C "$here/qemu-harness/target/test-classes" dev/ants/harness/selftest
cp=$jar:$work/selftest.jar
# The launcher's JVM settings, with a class-data-sharing archive made for this class path (as ./ants makes its own).
java -XX:ArchiveClassesAtExit="$work/bench.jsa" -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$cp" \
	dev.ants.harness.selftest.SelfTestMain argv /dev/null /dev/null x >/dev/null 2>&1 || true
java_run() { java -XX:+UseSerialGC -XX:SharedArchiveFile="$work/bench.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$cp" dev.ants.harness.selftest.SelfTestMain "$@"; }
mapfile -t g < <(java_run guest "$work/guest")
kernel=${g[0]} initrd=${g[1]} append=${g[2]}
marker=ANTS-GUEST-READY
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }

raw_once() { # QEMU writes the console to a fifo; bash reads it until the marker, then kills QEMU.
	local fifo=$work/fifo t0 t1 pid
	rm -f "$fifo"; mkfifo "$fifo"
	t0=$(now)
	qemu-system-x86_64 -nodefaults -display none -machine pc -accel tcg -smp 1 -m 1024M \
		-netdev user,id=net0 -device virtio-net-pci,netdev=net0 \
		-kernel "$kernel" -initrd "$initrd" -append "$append" -serial stdio </dev/null >"$fifo" 2>/dev/null &
	pid=$!
	while IFS= read -r line; do [[ $line == *"$marker"* ]] && break; done <"$fifo"
	t1=$(now)
	kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
	ms "$t0" "$t1"
}
harness_once() { # prints "wholeMs toMarkerMs": the process until the marker matched (JVM start included), and the
	# harness's own time from Harness.boot to the marker match (JVM start excluded); QEMU teardown is excluded from both,
	# as the raw loop excludes it too.
	local t0 out own mark
	t0=$(now)
	out=$(java_run boot "$kernel" "$initrd" "$append" "$marker" "$@")
	own=$(sed -E 's/.*"toMarkerMs":([0-9]+).*/\1/' <<<"$out")
	mark=$(sed -E 's/.*"markerEpochMs":([0-9]+).*/\1/' <<<"$out")
	echo "$(( mark - t0 / 1000000 )) $own"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "runs: $runs (interleaved raw / harness; medians)"
: >"$work/raw"; : >"$work/whole"; : >"$work/own"
for i in $(seq "$runs"); do
	raw_once >>"$work/raw"
	read -r whole own < <(harness_once)
	echo "$whole" >>"$work/whole"; echo "$own" >>"$work/own"
done
raw=$(median <"$work/raw"); whole=$(median <"$work/whole"); own=$(median <"$work/own")
echo "raw QEMU + bash expect loop to marker:   ${raw} ms"
echo "harness, whole process to marker (JVM):  ${whole} ms   ratio $(awk -v a="$whole" -v b="$raw" 'BEGIN{printf "%.3f", a/b}') (goal < 1.15)"
echo "harness, own time (no JVM start):        ${own} ms   ratio $(awk -v a="$own" -v b="$raw" 'BEGIN{printf "%.3f", a/b}') (goal < 1.03)"

java_run boot "$kernel" "$initrd" "$append" "$marker" prepare "$work/snap" >/dev/null
: >"$work/resume"
for i in $(seq "$runs"); do
	read -r _ r < <(harness_once resume "$work/snap")
	echo "$r" >>"$work/resume"
done
echo "snapshot-resumed scenario start (copy + loadvm + one run step done): $(median <"$work/resume") ms vs boot to marker ${own} ms (goal <= 500 ms)"
