#!/usr/bin/env bash
# Shows that the data fetch and its tests need nothing beside the repository: clones this
# checkout's HEAD (what is committed) into a fresh temporary folder that holds nothing else
# but copies of the MovieLens sources, fetches and verifies the data there with
# scripts/fetch-data.sh, then builds and runs the fetcher's tests in the clone.
#
# MOVIELENS_SOURCE and MOVIELENS_100K_SOURCE as for scripts/fetch-data.sh (relative paths are
# taken from the repository's root, as there): a local zip or folder is copied into the
# temporary folder first and the clone fetches from the copy; a URL is used as it is; unset,
# the official GroupLens URLs.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/movierec-alone-XXXXXX")
trap 'rm -rf "$work"' EXIT

mkdir "$work/sources"
# Prints where the clone fetches from: a local source's copy, else the source itself (a URL, or empty).
local_copy_of() {
  local source=$1
  if [ -n "$source" ] && [ -e "$source" ]; then
    cp -r "$source" "$work/sources/"
    echo "$work/sources/$(basename "$source")"
  else
    echo "$source"
  fi
}
source_small=$(local_copy_of "${MOVIELENS_SOURCE:-}")
source_100k=$(local_copy_of "${MOVIELENS_100K_SOURCE:-}")

git clone --quiet --no-checkout "$repo" "$work/movierec"
git -C "$work/movierec" checkout --quiet --detach "$(git rev-parse HEAD)"
echo "Clone of $(git rev-parse --short HEAD) in $work/movierec; beside it: $(ls "$work" | tr '\n' ' ')"

cd "$work/movierec"
export MOVIELENS_SOURCE=$source_small MOVIELENS_100K_SOURCE=$source_100k
[ -n "$MOVIELENS_SOURCE" ] || unset MOVIELENS_SOURCE
[ -n "$MOVIELENS_100K_SOURCE" ] || unset MOVIELENS_100K_SOURCE
scripts/fetch-data.sh
dotnet build tests/MovieRec.DataFetch.Tests/MovieRec.DataFetch.Tests.csproj -c Release -nologo -v quiet
dotnet test tests/MovieRec.DataFetch.Tests/MovieRec.DataFetch.Tests.csproj -c Release --no-build \
  --filter "FullyQualifiedName~MovieLensFetcherTests"
