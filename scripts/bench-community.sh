#!/usr/bin/env bash
# Measures the community builder against a fresh Azurite (Table + Blob on free ports, in memory:
# with its data on disk, Azurite's table database outgrows what it can write as one JSON string
# at about 2M entities and the emulator aborts): 100,000 app users, 1% of them changing per
# round (docs/performance.md).
# Usage: scripts/bench-community.sh [users] [changed share] [rounds] [full-read]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-data.sh >/dev/null
scripts/install-tools.sh >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
table_port=$(free_port) blob_port=$(free_port)
set -m
pids=""
trap 'for p in $pids; do kill -INT "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT
node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$table_port" --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --silent &
pids="$!"
node_modules/.bin/azurite-blob --blobHost 127.0.0.1 --blobPort "$blob_port" --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --silent &
pids="$pids $!"
sleep 2

key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='   # Azurite's published dev key
connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;"
dotnet run -c Release --project src/MovieRec.Benchmarks -- community-rebuild "$connection" "${1:-100000}" "${2:-0.01}" "${3:-3}" ${4:-}
