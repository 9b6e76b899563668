#!/usr/bin/env bash
# Full-userland benchmark (a benchmark, not a test): cd /sys/src && mk install for amd64 on Linux,
# i.e. the tree's libraries, APE, /acme, sys/src/cmd and sys/src/games, from an empty cache (the
# toolchain bootstrap is timed separately), then a no-op rebuild. The tree itself is never touched.
# Usage: bench/userland.sh TREE [amd64|386]
set -euo pipefail
usage="bench/userland.sh TREE [amd64|386]"
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export XDG_CACHE_HOME=$work/cache
cold_tc=$(seconds toolchain --tree "$tree")
cold_u=$(seconds userland --tree "$tree" --arch "$arch" -o "$work/out")
bins=$(json_field binaries <"$work/last.json")
noop=$(seconds userland --tree "$tree" --arch "$arch" -o "$work/out")
files=$(find "$work/out" -type f ! -name userland.json | wc -l)
tolerated=$(grep -c '^ *"/' "$work/out/userland.json" || true)
printf 'tree %s arch %s\n' "$tree" "$arch"
printf 'cold toolchain   %6.1f s\n' "$cold_tc"
printf 'full userland    %6.1f s  (libraries + APE + /acme + cmd + games, toolchain cached; %s binaries, %s files, %s tolerated failures)\n' \
	"$cold_u" "$bins" "$files" "$tolerated"
printf 'no-op userland   %6.1f s\n' "$noop"
