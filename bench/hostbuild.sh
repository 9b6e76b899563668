#!/usr/bin/env bash
# Host build benchmark (a benchmark, not a test): cold toolchain bootstrap, cold kernel build
# (libraries + boot userland + kernel), warm rebuild after touching port/devproc.c, and a no-op
# rebuild, on a private copy of the tree (the tree itself is never touched) and an empty cache.
# Usage: bench/hostbuild.sh TREE [amd64|386]
set -euo pipefail
usage="bench/hostbuild.sh TREE [amd64|386]"
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cp -a "$tree" "$work/tree"
export XDG_CACHE_HOME=$work/cache
cold_tc=$(seconds toolchain --tree "$work/tree")
cold_k=$(seconds kernel --tree "$work/tree" --arch "$arch" -o "$work/out")
# one no-op run first: files the cold build wrote in the same second as their inputs count as
# out of date once more (mk treats equal mtimes as out of date)
settle=$(seconds kernel --tree "$work/tree" --arch "$arch" -o "$work/out")
sleep 1                                    # mk compares mtimes in whole seconds
touch "$work/tree/sys/src/9/port/devproc.c"
warm=$(seconds kernel --tree "$work/tree" --arch "$arch" -o "$work/out")
log=$(ls "$XDG_CACHE_HOME"/ants/build/*/build.log)
# the C files compiled by the last kernel mk run in the log
kernel_compiles() {
	awk '/^### /{k = ($2 ~ /^\/sys\/src\/9\//)} k && /^[68]c /{n++; f[n] = $NF} /^### \/sys\/src\/9\//{n = 0}
	     END{for (i = 1; i <= n; i++) print f[i]}' "$log" | sort
}
kernel_compiles >"$work/warm"
noop=$(seconds kernel --tree "$work/tree" --arch "$arch" -o "$work/out")
kernel_compiles >"$work/noop"
# mk treats equal mtimes as out of date, so files generated within one second (rebootcode.i,
# the boot file table, ...) recompile on every run; the touch should add only its own file
extra=$(comm -23 "$work/warm" "$work/noop" | tr '\n' ' ')
recompiled="$(wc -l <"$work/warm") (also in a no-op run: $(wc -l <"$work/noop"); only after the touch: ${extra:-none})"
printf 'tree %s arch %s\n' "$tree" "$arch"
printf 'cold toolchain   %6.1f s\n' "$cold_tc"
printf 'cold kernel      %6.1f s  (libraries + boot userland + kernel, toolchain cached)\n' "$cold_k"
printf 'warm rebuild     %6.1f s  (after touching port/devproc.c; %s kernel files recompiled)\n' "$warm" "$recompiled"
printf 'no-op rebuild    %6.1f s  (first no-op after the cold build: %s s)\n' "$noop" "$settle"
