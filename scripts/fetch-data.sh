#!/usr/bin/env bash
# Puts verified MovieLens files in data/: ml-latest-small (what the app serves) and ml-100k
# (for `movierec eval --dataset ml-100k`). A no-op for a release already verified.
# MOVIELENS_SOURCE and MOVIELENS_100K_SOURCE pick the sources: a zip, a folder or a URL
# (default: the official GroupLens URLs).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/MovieRec.Cli -c Release -v quiet -nologo >/dev/null
cli=src/MovieRec.Cli/bin/Release/net10.0/movierec.dll
dotnet "$cli" data fetch "$@"
dotnet "$cli" data fetch --dataset ml-100k
