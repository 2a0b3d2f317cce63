#!/usr/bin/env bash
# Runs MovieRec locally: Azurite (data kept in .azurite/, so ratings survive a restart) and the
# function app on http://127.0.0.1:7071 — `func start` where the Functions host is installed,
# the standalone ASP.NET Core host where it is not. Ctrl-C or SIGTERM stops everything it started.
# --memory: no Azurite; every store in the app's memory (RATINGS_STORAGE=memory), lost when it stops.
set -euo pipefail
cd "$(dirname "$0")/.."

memory=false
for arg in "$@"; do
  case "$arg" in
    --memory) memory=true ;;
    *) echo "usage: scripts/run-local.sh [--memory]" >&2; exit 2 ;;
  esac
done

scripts/fetch-data.sh
# The tools are Azurite's (and the tests'): the in-memory run needs none of them.
$memory || scripts/install-tools.sh
[ -f local.settings.json ] || cp local.settings.sample.json local.settings.json

# Job control: background jobs get their own process groups and, unlike in a plain script,
# do not ignore SIGINT, which is how Azurite is told to save its data and close.
set -m
azurite_pids="" app_pid=""
stop() {
  trap - INT TERM EXIT
  [ -z "$app_pid" ] || kill -TERM "$app_pid" 2>/dev/null || true
  for pid in $azurite_pids; do kill -INT "$pid" 2>/dev/null || true; done   # SIGINT: Azurite saves its data and closes
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

if $memory; then
  # Environment variables win over local.settings.json in both hosts.
  export RATINGS_STORAGE=memory
  storage="in this process's memory (RATINGS_STORAGE=memory): lost when it stops"
else
  mkdir -p .azurite
  # Tables hold the ratings; blobs hold the community snapshots the model builder publishes.
  node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort 10002 --location .azurite \
    --skipApiVersionCheck --disableTelemetry --silent &
  azurite_pids="$!"
  node_modules/.bin/azurite-blob --blobHost 127.0.0.1 --blobPort 10000 --location .azurite \
    --skipApiVersionCheck --disableTelemetry --silent &
  azurite_pids="$azurite_pids $!"
  storage="Azurite tables on http://127.0.0.1:10002, blobs on :10000 (data in .azurite/)"
fi

if command -v func >/dev/null 2>&1; then
  # --enableAuth: without it Core Tools skips the function-key check, and every JSON route would
  # answer anyone who reaches the port (docs/security.md); with it, keys are checked as in Azure.
  (cd src/MovieRec.Functions && exec func start --port 7071 --enableAuth) &
else
  echo "func is not installed: serving the same endpoints with the standalone host."
  # Published self-contained with one ReadyToRun composite image: the shortest cold start
  # (docs/performance.md). The first publish, and each after a code change, takes about 2 minutes.
  dotnet publish src/MovieRec.Host -c Release -o .build/host -nologo -v quiet
  cp local.settings.json .build/host/
  (cd .build/host && exec ./MovieRec.Host --urls http://127.0.0.1:7071) &
fi
app_pid=$!

for _ in $(seq 1 120); do
  curl -fsS http://127.0.0.1:7071/health >/dev/null 2>&1 && break
  sleep 1
done
cat <<MSG

MovieRec is up:
  API      POST http://127.0.0.1:7071/register | /get_unrated_movie | /rate_movie | /recommend
  Health   GET  http://127.0.0.1:7071/health
  Storage  $storage
Ctrl-C stops it.
MSG
wait
