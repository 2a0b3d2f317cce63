#!/usr/bin/env bash
# Every test MovieRec has: fetches the data and installs the tools the tests need first.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/fetch-data.sh
scripts/install-tools.sh
scripts/check-infra.sh

# Our projects treat warnings as errors (Directory.Build.props); not passed on the command line, where it
# would also reach the Worker SDK's generated WorkerExtensions restore and its NuGet version notices.
dotnet build MovieRec.sln -c Release
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test MovieRec.sln -c Release --no-build 2>&1 | tee "$log" || status=$?

# One closing line over every test assembly, in the plain form CI reads.
awk '/^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
