#!/usr/bin/env bash
# Image benchmark (a benchmark, not a test), with a warm build cache (run once before to fill it):
#  1. a 4 GiB rootless image: the image writing alone (the command's time less its kernel and boot
#     code steps, which are cached no-op builds), under a 64 MB heap, and how much of it is on disk;
#  2. a full --fs hjfs image end to end (kernel, userland, the root composed, hjfs written on the host, hash);
#  3. the boot of that image on q35-ahci and on pc-ide under TCG through plan9rc (the image's bootcmd)
#     to the admin shell with the disk's root attached, and on into a shell on that root (rerootwin)
#     as glenda.
# Usage: bench/image.sh TREE   (uses $XDG_CACHE_HOME like ants itself; results in the last lines)
set -euo pipefail
usage="bench/image.sh TREE"
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# step_seconds REGEX <STDERR: the seconds of the progress lines "... › STEP done in N s" matching REGEX
step_seconds() { sed -n -E "s/^ants: image [^ ]+ › ($1) done in ([0-9.]+) s$/\\2/p" | awk '{s+=$1} END {print s+0}'; }

# 1. rootless 4 GiB, 64 MB heap
JAVA_TOOL_OPTIONS=-Xmx64m "$here/ants" image --tree "$tree" -o "$work/none.img" --size 4G --json \
	>"$work/none.json" 2>"$work/none.err" || { cat "$work/none.err" >&2; exit 1; }
total=$(json_field seconds <"$work/none.json")
built=$(step_seconds 'kernel [^›]+|boot loaders \(386\)' <"$work/none.err")
writing=$(python3 -c "print(round($total - $built, 2))")
ondisk=$(du -k "$work/none.img" | cut -f1)

# 2. full hjfs image
"$here/ants" image --tree "$tree" -o "$work/hjfs.img" --fs hjfs --json >"$work/hjfs.json" 2>"$work/hjfs.err" \
	|| { cat "$work/hjfs.err" >&2; exit 1; }
full=$(json_field seconds <"$work/hjfs.json")
fill=$(step_seconds 'fill the hjfs root' <"$work/hjfs.err")

# 3. boot it to glenda's shell
cat >"$work/to-shell.yaml" <<YAML
name: to-shell
shell: rc
timeout: 120
steps:
  - fail-on: 'panic|suicide|bootargs is'
  - expect: 'plan9rc: root is local!'
  - expect: 'plan9rc: starting shell in admin namespace'
  - send: "rerootwin -c 'echo re^rooted; exec rc -i' boot\n"
  - expect: 'rerooted'
  - run: cat /dev/user; test -f /usr/glenda/lib/profile
    output: '(?m)^glenda$'
YAML
# boot_seconds MODEL: the boot to glenda's shell on MODEL (plan9.ini names IDE's sdC0; elsewhere plan9rc
# finds the partition by name)
boot_seconds() {
	"$here/ants" boot --image "$work/hjfs.img" --model "$1" --accel tcg --script "$work/to-shell.yaml" --json \
		>"$work/boot-$1.json" 2>"$work/boot-$1.err" || { cat "$work/boot-$1.err" >&2; exit 1; }
	json_field seconds <"$work/boot-$1.json"
}
boot_ahci=$(boot_seconds q35-ahci)
boot_ide=$(boot_seconds pc-ide)

printf 'tree %s\n' "$tree"
printf 'rootless 4 GiB image: %6.2f s writing (%.1f s in all, %.1f s of cached builds), -Xmx64m, %s KiB on disk\n' \
	"$writing" "$total" "$built" "$ondisk"
printf 'hjfs image, warm cache: %6.1f s end to end (%.1f s writing the hjfs root)\n' "$full" "$fill"
printf "boot to glenda's shell: %6.1f s on q35-ahci, %.1f s on pc-ide (TCG; on IDE SeaBIOS reads the kernel by PIO)\n" "$boot_ahci" "$boot_ide"
