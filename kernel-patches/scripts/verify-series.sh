#!/bin/sh
# Check that the patch set applies to each given 9front tree with no fuzz, and that
# reversing it gives back identical files.  Works on a temporary copy of sys/src/9;
# the trees are never written.  Uses GNU patch as an independent checker only (the
# ants engine is the real applier).
#   usage: verify-series.sh PATCHDIR TREE...
set -e
P=$1; shift
[ -f "$P/series" ] || { echo "verify-series: no series file in $P; pass kernel-patches/patches" >&2; exit 2; }
rc=0
for T in "$@"; do
	D=$(mktemp -d)
	mkdir -p $D/sys/src
	cp -a $T/sys/src/9 $D/sys/src/
	echo "== $T"
	n=0
	for f in $(grep -v '^#' $P/series); do
		if ! out=$(patch -p1 -F0 -N --no-backup-if-mismatch -d $D < $P/$f 2>&1); then
			echo "FAIL $f:"; echo "$out"; rc=1; break
		fi
		n=$((n+1))
		echo "$out" | grep -i 'offset\|fuzz' | sed "s|^|   $f: |" || true
	done
	echo "   applied $n patches"
	for f in $(grep -v '^#' $P/series | tac); do
		patch -s -p1 -R -F0 --no-backup-if-mismatch -d $D < $P/$f || { echo "REVERSE FAIL $f"; rc=1; }
	done
	if diff -r $T/sys/src/9 $D/sys/src/9 >/dev/null; then echo "   reverse: identical"; else echo "   reverse: DIFFERS"; rc=1; fi
	rm -rf $D
done
exit $rc
