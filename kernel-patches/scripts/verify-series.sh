#!/bin/sh
# Check that the patch set applies to each given 9front tree with no fuzz, and that
# reversing it gives back identical files.  Works on a temporary copy of sys/src/9;
# the trees are never written.  Uses GNU patch as an independent checker only (the
# ants engine is the real applier).  A series entry with variants ('| NAME' lines)
# applies its first variant that fits, as the engine does; the line per entry says which.
#   usage: verify-series.sh PATCHDIR TREE...
set -e
P=$1; shift
[ -f "$P/series" ] || { echo "verify-series: no series file in $P; pass kernel-patches/patches" >&2; exit 2; }
# one line per entry: its variants' file names, in the order they are tried
entries=$(sed 's/#.*//' "$P/series" | awk 'NF == 0 { next } $1 == "|" { line = line " " $2; next } { if(line != "") print line; line = $1 } END { if(line != "") print line }')
rc=0
for T in "$@"; do
	D=$(mktemp -d)
	mkdir -p $D/sys/src
	cp -a $T/sys/src/9 $D/sys/src/
	echo "== $T"
	applied=""
	n=0
	echo "$entries" | { while read variants; do
		done=""
		for f in $variants; do
			if patch -p1 -F0 -N --dry-run -d $D < $P/$f >/dev/null 2>&1; then
				out=$(patch -p1 -F0 -N --no-backup-if-mismatch -d $D < $P/$f 2>&1)
				echo "$out" | grep -i 'offset\|fuzz' | sed "s|^|   $f: |" || true
				[ "$f" = "${variants%% *}" ] || echo "   variant $f"
				done=$f
				break
			fi
		done
		if [ -z "$done" ]; then
			echo "FAIL: no variant of ${variants%% *} applies:"
			for f in $variants; do patch -p1 -F0 -N --dry-run -d $D < $P/$f 2>&1 | sed "s|^|   $f: |"; done
			exit 1
		fi
		applied="$done $applied"
		n=$((n+1))
	done
	echo "   applied $n patches"
	for f in $applied; do
		patch -s -p1 -R -F0 --no-backup-if-mismatch -d $D < $P/$f || { echo "REVERSE FAIL $f"; exit 1; }
	done
	} || rc=1
	if diff -r $T/sys/src/9 $D/sys/src/9 >/dev/null; then echo "   reverse: identical"; else echo "   reverse: DIFFERS"; rc=1; fi
	rm -rf $D
done
exit $rc
