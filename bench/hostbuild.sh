#!/usr/bin/env bash
# Host build benchmark (a benchmark, not a test): cold toolchain bootstrap, cold kernel build
# (libraries + boot userland + kernel), warm rebuild after touching port/devproc.c, and a no-op
# rebuild, on a private copy of the tree (the tree itself is never touched) and an empty cache.
# Usage: bench/hostbuild.sh TREE [amd64|386]
set -euo pipefail
tree=${1:?usage: bench/hostbuild.sh TREE [amd64|386]}
arch=${2:-amd64}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$here/ants" --version >/dev/null          # builds the ants jar if needed
jar=$here/cli/target/ants.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -a "$tree" "$work/tree"
export XDG_CACHE_HOME=$work/cache
run() { java -cp "$jar" dev.ants.hostbuild.HostBuildMain "$@" 2>"$work/err" | awk '{print $2}' || { cat "$work/err" >&2; exit 1; }; }

cold_tc=$(run toolchain "$work/tree")
cold_k=$(run kernel "$work/tree" "$arch" "$work/out")
sleep 1                                    # mk compares mtimes in whole seconds
touch "$work/tree/sys/src/9/port/devproc.c"
warm=$(run kernel "$work/tree" "$arch" "$work/out")
log=$(ls "$XDG_CACHE_HOME"/ants/build/*/build.log)
recompiled=$(awk '/^### /{s=$0; n=0} {print}' "$log" | tac | awk '/^### \/sys\/src\/9/{exit} {print}' \
	| grep -cE '^[68]c ' || true)
noop=$(run kernel "$work/tree" "$arch" "$work/out")
printf 'tree %s arch %s\n' "$tree" "$arch"
printf 'cold toolchain   %6.1f s\n' "$cold_tc"
printf 'cold kernel      %6.1f s  (libraries + boot userland + kernel, toolchain cached)\n' "$cold_k"
printf 'warm rebuild     %6.1f s  (after touching port/devproc.c; %s kernel files recompiled)\n' "$warm" "$recompiled"
printf 'no-op rebuild    %6.1f s\n' "$noop"
