#!/usr/bin/env bash
# Revision sweep (a benchmark, not a test): does ants follow 9front's history? Picks one commit per
# calendar quarter over the three years before the newest commit of GITDIR (the newest commit of each
# quarter whose tree is a 9front tree), plus the newest, and for each: extracts a work tree, bootstraps
# the toolchain, checks the ANTS patch set applies, builds 9pc64 with it, and boots it to the boot
# suite's prompt on pc-virtio. Prints one row per revision: times in seconds, or the first error line.
#
# Usage: bench/revisions.sh GITDIR [N]
#        bench/revisions.sh --trees DIR
#   GITDIR  a 9front git directory with history (a bare mirror works)
#   N       at most N revisions, spread evenly from the oldest to the newest
#   --trees DIR  trees extracted before: DIR/list.txt has "NAME COMMIT" lines, DIR/NAME the trees
# Trees go to $ANTS_REVISIONS_DIR (kept, reused) or a temporary directory (removed). Heavy: runs one
# revision at a time, under nice. Blobs a mirror lacks (lib/sky/sao.scat, doom1.wad) are left out.
set -uo pipefail
usage="bench/revisions.sh GITDIR [N] | --trees DIR"
given=
if [ "${1:-}" = --trees ]; then
	given=${2:?usage: $usage}
	[ -f "$given/list.txt" ] || { echo "$given/list.txt is missing (NAME COMMIT lines)" >&2; exit 2; }
	set -- "$given"
fi
git=${1:?usage: $usage}
max=${2:-0}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$here/ants" --version >/dev/null || exit 3
if [ -n "$given" ]; then
	trees=$given      # the user's trees: never removed
elif [ -n "${ANTS_REVISIONS_DIR:-}" ]; then
	trees=$ANTS_REVISIONS_DIR; mkdir -p "$trees"
else
	scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
	trees=$scratch
fi
log=$trees/revisions.log

# revisions: "HASH DATE" lines, oldest first (with --trees: "COMMIT NAME" from its list)
if [ -n "$given" ]; then
	picks=$(awk 'NF == 2 { print $2, $1 }' "$given/list.txt")
else
newest=$(git -C "$git" log -1 --format='%H %cs' HEAD) || { echo "$git is not a git directory" >&2; exit 2; }
since=$(date -d "$(cut -d' ' -f2 <<<"$newest") -3 years" +%Y-%m-%d)
picks=$(git -C "$git" log --format='%H %cs' HEAD | python3 -c '
import sys, subprocess
git, since, newest, newest_date = sys.argv[1:5]
quarter = lambda d: (int(d[:4]), (int(d[5:7]) - 1) // 3)
commits = sorted((l.split() for l in sys.stdin), key=lambda c: c[1], reverse=True)
best = {quarter(newest_date): newest}
for h, d in commits:
    q = quarter(d)
    if d < since or d > newest_date or q in best:
        continue
    # a fork may carry commits whose tree is not 9front (an "Initial commit"): skip those
    if subprocess.run(["git", "-C", git, "cat-file", "-e", h + ":sys/src/9/port/chan.c"]).returncode == 0:
        best[q] = h
for q in sorted(best):
    h = best[q]
    print(h, subprocess.run(["git", "-C", git, "log", "-1", "--format=%cs", h], capture_output=True, text=True).stdout.strip())
' "$git" "$since" $newest)
if [ "$max" -gt 0 ]; then
	picks=$(awk -v n="$max" '{l[NR]=$0} END{if (n >= NR) {for (i = 1; i <= NR; i++) print l[i]; exit}
		for (i = 0; i < n; i++) print l[1 + int(i * (NR - 1) / (n - 1) + 0.5)]}' <<<"$picks" | awk '!seen[$0]++')
fi
fi

# extract GITDIR REV DEST: the work tree of REV, without blobs the repository lacks
extract() {
	rm -rf "$3"; mkdir -p "$3"
	git -C "$1" ls-tree -r -z --full-tree "$2" | python3 -c '
import os, subprocess, sys
git, dest = sys.argv[1], sys.argv[2]
entries = [e for e in sys.stdin.buffer.read().split(b"\0") if e]
cat = subprocess.Popen(["git", "-C", git, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
for e in entries:
    meta, path = e.split(b"\t", 1)
    mode, kind, sha = meta.split()
    if kind != b"blob":
        continue
    cat.stdin.write(sha + b"\n"); cat.stdin.flush()
    head = cat.stdout.readline().split()
    if head[-1] == b"missing":
        continue
    data = cat.stdout.read(int(head[2])); cat.stdout.read(1)
    f = os.path.join(dest.encode(), path)
    os.makedirs(os.path.dirname(f), exist_ok=True)
    if mode == b"120000":
        os.symlink(data, f)
        continue
    with open(f, "wb") as o:
        o.write(data)
    if mode == b"100755":
        os.chmod(f, 0o755)
' "$1" "$3"
}

# step NAME COMMAND...: runs an ants command under nice; prints seconds, or "FAIL: first error line"
step() {
	local name=$1; shift
	local t0 t1 out
	t0=$(date +%s.%N)
	out=$(nice -n 10 "$here/ants" "$@" 2>&1)
	local rc=$?
	t1=$(date +%s.%N)
	printf '### %s: ants %s (exit %d)\n%s\n' "$name" "$*" "$rc" "$out" >>"$log"
	if [ $rc -eq 0 ]; then
		awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.0f s", b - a}'
	else
		printf 'FAIL: %s' "$(grep -m1 -E '^ants [a-z]+:' <<<"$out" | cut -c1-150 || true)"
	fi
}

printf '| revision | date | toolchain | patch | kernel 9pc64 | boot (pc-virtio) |\n|---|---|---|---|---|---|\n'
while read -r rev date; do
	[ -n "$rev" ] || continue
	if [ -n "$given" ]; then t=$trees/$date
	else
		t=$trees/${date}-${rev:0:9}
		[ -f "$t/sys/src/9/port/chan.c" ] || extract "$git" "$rev" "$t"
	fi
	tc=$(step toolchain toolchain --tree "$t")
	pa=$(step patch patch --tree "$t" --check)
	if [[ $tc == FAIL* ]]; then ke=skipped; bo=skipped
	else
		ke=$(step kernel kernel --tree "$t" -o "$t.kernel")
		if [[ $ke == FAIL* ]]; then bo=skipped
		else bo=$(step boot test --tree "$t" --suite boot --models pc-virtio --report "$t.report"); fi
	fi
	printf '| %s | %s | %s | %s | %s | %s |\n' "${rev:0:9}" "$date" "$tc" "$pa" "$ke" "$bo"
done <<<"$picks"
echo "full output of every step: $log" >&2
