# Shared by the host-build benchmarks: arguments, the ants jar, and a scratch cache that is removed at exit.
# Sourced after `set -euo pipefail` with the caller's usage line in $usage.
tree=${1:?usage: $usage}
arch=${2:-amd64}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$here/ants" --version >/dev/null          # builds the ants jar if needed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# json_field NAME <FILE: a top-level number or string of an `ants --json` summary
json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
# seconds COMMAND ARGS...: runs `ants COMMAND ARGS... --json`, keeps its summary in $work/last.json, prints its seconds
seconds() {
	"$here/ants" "$@" --json >"$work/last.json" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
	json_field seconds <"$work/last.json"
}
