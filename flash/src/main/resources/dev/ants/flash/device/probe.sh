# Prints the facts ants flash decides on, one per line, for the device named in $1.
# POSIX sh over Linux's /sys and /proc, so the same facts come from this host and from a remote one.
dev=$1
for t in dd head sha256sum sync gzip blkdiscard blockdev readlink; do
	if command -v "$t" >/dev/null 2>&1; then echo "tool $t yes"; else echo "tool $t no"; fi
done
echo "os $(uname -s)"
if [ -e "$dev" ]; then
	echo "ls $(ls -lLd -- "$dev")"
	echo "real $(readlink -f -- "$dev" 2>/dev/null || echo "$dev")"
fi
# shell builtins only in this loop: hosts with hundreds of loop devices stay fast
val() { v=$2; [ -r "$1" ] && read -r v <"$1"; }
for b in /sys/class/block/*; do
	[ -r "$b/dev" ] || continue
	n=${b##*/}
	part=0
	parent=-
	q=$b/queue
	if [ -e "$b/partition" ]; then
		part=1
		parent=$(cd -P "$b/.." && pwd)
		parent=${parent##*/}
		q=$b/../queue
	fi
	val "$b/dev" -; d=$v
	val "$b/size" 0; size=$v
	val "$b/ro" 0; ro=$v
	val "$q/write_zeroes_max_bytes" 0; wz=$v
	val "$q/logical_block_size" 512; lbs=$v
	echo "blk $n $d $part $parent $size $ro $wz $lbs"
	for h in "$b"/holders/*; do [ -e "$h" ] && echo "holder $n ${h##*/}"; done
	for s in "$b"/slaves/*; do [ -e "$s" ] && echo "slave $n ${s##*/}"; done
	val "$b/device/vendor" ""; m=$v
	val "$b/device/model" ""; m="$m $v"
	val "$b/loop/backing_file" ""; [ -n "$v" ] && m="loop on $v"
	[ -n "${m# }" ] && echo "model $n ${m# }"
done
while read -r id pid mm root mp rest; do
	src=${rest#* - }
	src=${src#* }
	src=${src%% *}
	case $src in
	/dev/*) src=$(readlink -f -- "$src" 2>/dev/null || echo "$src") ;;
	esac
	echo "mount $mm $src $mp"
done </proc/self/mountinfo
while read -r f rest; do
	case $f in
	Filename) ;;
	*) echo "swap $(readlink -f -- "$f" 2>/dev/null || echo "$f")" ;;
	esac
done </proc/swaps
echo end
