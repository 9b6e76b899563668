#!/bin/sh
# Does the patch set apply to these 9front trees?  One line per tree: the tree's upstream commit
# and date (from its .git or the NAME=COMMIT given), ants patch --check's result, and the variant
# each patch with variants took.  Cheap: nothing is built or written.
#   usage: check-revisions.sh [-g GITDIR] TREE...     (run from the repository root)
# With -g, a TREE named like 2023-07 whose directory holds no git metadata is looked up in
# list.txt beside it ("NAME COMMIT" lines, as /work/trees/sweep has) for its commit and date.
G=
if [ "$1" = -g ]; then G=$2; shift 2; fi
printf '%-28s %-10s %-11s %-15s %s\n' tree commit date result variants
rc=0
for T in "$@"; do
	name=$(basename $T)
	commit=-; date=-
	if [ -n "$G" ] && [ -f $(dirname $T)/list.txt ]; then
		commit=$(awk -v n=$name '$1 == n { print $2 }' $(dirname $T)/list.txt)
		[ -n "$commit" ] && date=$(git -C $G log -1 --format=%as $commit 2>/dev/null)
		commit=$(echo $commit | cut -c1-9)
	fi
	if [ -e $T/.git ]; then
		commit=$(git -C $T log -1 --format=%h 2>/dev/null || echo -)
		date=$(git -C $T log -1 --format=%as 2>/dev/null || echo -)
	fi
	out=$(./ants patch --tree $T --check --json 2>/tmp/check-revisions.$$)
	line=$(echo "$out" | python3 -c '
import json, sys
try:
    d = json.load(sys.stdin)
except Exception:
    print("error -"); sys.exit(0)
v = ", ".join(x["applied"] for x in d.get("variants", []) if x["index"] > 0) or "newest"
print(d["result"], v)' 2>/dev/null)
	case "$line" in
	would-apply*|already-applied*) ;;
	*) rc=1; line="FAILED $(grep -v '^ants:' /tmp/check-revisions.$$ | head -3 | tr '\n' ' ')";;
	esac
	printf '%-28s %-10s %-11s %s\n' $T $commit $date "$line"
done
rm -f /tmp/check-revisions.$$
exit $rc
