#!/usr/bin/env bash
# run.sh KERNEL [NN...]: boot each plan9rc case (NN-name.yaml here, with NN-name.ini added to
# ../plan9.ini) with `ants boot`, as its first line (# ants-boot: ...) says: the model, and how many
# blank 64 MiB disks to attach (--blank-disks N becomes N --disk files). One line per case: the
# result, seconds from power-on to the admin shell, and for a case with `plan9rc root`, the
# seconds from that command to a fresh user environment. Exit status: the number of failed cases.
set -u
here=$(cd "$(dirname "$0")" && pwd)
ants=$here/../../ants
kernel=${1:?usage: run.sh KERNEL [NN...]}
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
for y in "$here"/[0-9][0-9]-*.yaml; do
	name=$(basename "$y" .yaml)
	if [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qx "${name%%-*}"; then continue; fi
	opts=$(sed -n 's/^# ants-boot: //p' "$y")
	model=$(echo "$opts" | sed -n 's/.*--model \([^ ]*\).*/\1/p')
	n=$(echo "$opts" | sed -n 's/.*--blank-disks \([0-9]*\).*/\1/p')
	disks=()
	for i in $(seq 1 "${n:-0}"); do
		truncate -s 64M "$tmp/$name-$i.img"
		disks+=(--disk "$tmp/$name-$i.img")
	done
	cat "$here/../plan9.ini" "$here/$name.ini" >"$tmp/$name.ini"
	"$ants" boot --kernel "$kernel" --plan9ini "$tmp/$name.ini" --model "${model:-pc-virtio}" "${disks[@]}" \
		--script "$y" --json >"$tmp/$name.json" 2>"$tmp/$name.err"
	st=$?
	[ $st -eq 0 ] || failed=$((failed + 1))
	python3 - "$tmp/$name.json" "$name" $st <<'PY'
import json, sys
path, name, st = sys.argv[1], sys.argv[2], int(sys.argv[3])
try:
    r = json.load(open(path))
except Exception:
    print(f"{name}: exit {st}, no result (see ants boot's stderr)"); sys.exit()
steps, t, shell, reroot = r.get("steps", []), 0, None, None
for s in steps:
    t += s["millis"]
    if shell is None and "starting shell in admin namespace" in s["step"]: shell = t / 1000
    if s["step"].startswith("a new root from the admin shell"): reroot = s["millis"]
    if reroot is not None and s["step"].startswith("a fresh user environment"): reroot += s["millis"]
line = f"{name}: {r.get('status')} in {r.get('seconds', 0):.1f} s"
if shell is not None: line += f", admin shell {shell:.1f} s after power-on"
if reroot is not None: line += f", re-root to a fresh user environment {reroot / 1000:.1f} s"
if st != 0: line += f" -- {r.get('failedStepLabel') or r.get('failedStep')}: {r.get('reason')}"
print(line)
PY
done
exit $failed
