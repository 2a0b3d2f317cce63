#!/usr/bin/env bash
# Puts verified ml-latest-small CSVs in data/ml-latest-small (no-op when already verified).
# MOVIELENS_SOURCE picks the source: a zip, a folder or a URL (default: the official URL).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project src/MovieRec.Cli -c Release -- data fetch "$@"
