#!/usr/bin/env bash
# benchmarks/run.sh NAME: runs one benchmark (benchmarks/NAME/run.sh) and ends with its summary line.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
name="${1:-}"
if [[ -z "$name" || ! -x "$here/$name/run.sh" ]]; then
  echo "usage: benchmarks/run.sh NAME   (available: $(cd "$here" && ls -d */ | tr -d / | tr '\n' ' '))" >&2
  exit 2
fi
exec "$here/$name/run.sh" "${@:2}"
