# Shared by the host-build benchmarks: arguments, the ants jar, and a scratch cache that is removed at exit.
# Sourced after `set -euo pipefail` with the caller's usage line in $usage.
tree=${1:?usage: $usage}
arch=${2:-amd64}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$here/ants" --version >/dev/null          # builds the ants jar if needed
jar=$here/cli/target/ants.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
