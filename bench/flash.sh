#!/usr/bin/env bash
# ants flash benchmark (not a test): a 512 MiB image holding 16 MiB of data, written onto a loop device
# that held garbage, by
#   A) dd bs=4M conv=fsync of the whole image (no verification),
#   B) ants flash --yes (data only, the rest zeroed, fsync, then read back and compared by SHA-256),
#      as a whole process through ./ants, and as `java -jar` (launcher's staleness check excluded),
#      whose --json "seconds" is the flash itself without the JVM's start.
# Every run starts from garbage; B's result is compared with the image by cmp after each run.
# Usage: bench/flash.sh [runs]   (default 3; root, util-linux, qemu-utils)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-3}
"$here/ants" --version >/dev/null   # builds the jar and its class-data-sharing archive when needed
jar=$here/cli/target/ants.jar
java_run() { java -XX:+UseSerialGC -XX:SharedArchiveFile="$here/cli/target/ants.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$jar" "$@"; }
work=$(mktemp -d /tmp/ants-bench.XXXXXX)
loop=
cleanup() { [ -n "$loop" ] && losetup -d "$loop"; rm -rf "$work"; }
trap cleanup EXIT

img=$work/ants.img
truncate -s 512M "$img"
# 16 MiB of data where an ANTS image has it: boot code and 9fat near the start, a few runs further on
for at in 0 2 8 64 200 300 400 500; do
	head -c 2M /dev/urandom | dd of="$img" bs=1M seek="$at" conv=notrunc status=none
done
head -c 512M /dev/urandom >"$work/garbage"
dd if=/dev/zero of="$work/backing" bs=1M count=0 seek=512 status=none
loop=$(losetup -f --show "$work/backing")
dirty() { dd if="$work/garbage" of="$loop" bs=4M conv=fsync status=none; sync; }
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "image: 512 MiB, $(qemu-img map --output=json "$img" | grep -c '"data": true') data extents, 16 MiB of data; device: $loop (512 MiB of garbage)"
: >"$work/dd" ; : >"$work/ants" ; : >"$work/java"
for i in $(seq 1 "$runs"); do
	dirty; t0=$(now); dd if="$img" of="$loop" bs=4M conv=fsync status=none; t1=$(now)
	ms "$t0" "$t1" >>"$work/dd"
	dirty; t0=$(now); "$here/ants" flash "$img" --device "$loop" --yes -q >/dev/null; t1=$(now)
	ms "$t0" "$t1" >>"$work/ants"
	cmp -s "$img" "$loop" || { echo "run $i: ants flash left a device that differs from the image" >&2; exit 1; }
	dirty; t0=$(now); java_run flash "$img" --device "$loop" --yes -q --json >"$work/out.json"; t1=$(now)
	ms "$t0" "$t1" >>"$work/java"
	inside=$(sed -n 's/.*"seconds" *: *\([0-9.]*\).*/\1/p' "$work/out.json")
	cmp -s "$img" "$loop" || { echo "run $i: ants flash (java -jar) left a device that differs from the image" >&2; exit 1; }
	echo "run $i: dd $(tail -1 "$work/dd") ms, ./ants flash $(tail -1 "$work/ants") ms, java -jar ants.jar flash $(tail -1 "$work/java") ms (of which the flash itself ${inside} s, the rest JVM start)"
done
d=$(median <"$work/dd"); a=$(median <"$work/ants"); j=$(median <"$work/java")
echo "median of $runs: dd bs=4M conv=fsync $d ms; ./ants flash (verified) $a ms, ${d}/${a} = $(awk -v d="$d" -v a="$a" 'BEGIN {printf "%.1f", d / a}')x faster;" \
	"java -jar $j ms, $(awk -v d="$d" -v a="$j" 'BEGIN {printf "%.1f", d / a}')x faster (target: 5x)"
