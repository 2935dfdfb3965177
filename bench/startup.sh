#!/bin/bash
# Start-up time of the CLI beside bare Node: the mean wall time of N runs in a row, each a fresh process.
# usage: bench/startup.sh [N]   (from the repository root, after npm run build)
n=${1:-20}
mean() {
  local s e
  s=$(date +%s%N)
  for _ in $(seq "$n"); do "$@" >/dev/null; done
  e=$(date +%s%N)
  echo "$(((e - s) / n / 1000000)) ms mean over $n runs: $*"
}
mean node -e 0
mean node bin/govmark.js --version
mean node bin/govmark.js --help
