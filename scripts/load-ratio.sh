#!/usr/bin/env bash
# Load as ratios (docs/performance.md): a fresh Azurite and the published standalone host on their
# own ports, then `movierec-benchmarks load-ratio`: /recommend and /rate_movie against the same
# store calls sent straight to Azurite, side by side in one run by one load generator.
# LOAD_SECONDS per row (default 10); connection counts as arguments (default 16 64).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${LOAD_SECONDS:-10}
table_port=10012 blob_port=10010 app_port=7081
folder=$(mktemp -d)
cleanup() { kill "$host" "$azurite" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$folder"; }
trap cleanup EXIT

dotnet publish src/MovieRec.Host -c Release -o .build/host -nologo -v quiet
dotnet build src/MovieRec.Benchmarks -c Release -nologo -v quiet
node_modules/.bin/azurite --silent --location "$folder" --tableHost 127.0.0.1 --tablePort $table_port --blobHost 127.0.0.1 --blobPort $blob_port \
  --queuePort 0 --skipApiVersionCheck --disableTelemetry &
azurite=$!
until (exec 3<>/dev/tcp/127.0.0.1/$table_port) 2>/dev/null; do sleep 0.2; done
key=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==
storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;"
RATINGS_STORAGE="$storage" .build/host/MovieRec.Host --urls "http://127.0.0.1:$app_port" >/dev/null &
host=$!
until curl -fs "127.0.0.1:$app_port/health" >/dev/null; do sleep 0.2; done
dotnet src/MovieRec.Benchmarks/bin/Release/net10.0/MovieRec.Benchmarks.dll load-ratio "http://127.0.0.1:$app_port" "$storage" "$seconds" ${@:-16 64}
