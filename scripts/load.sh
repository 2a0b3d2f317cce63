#!/usr/bin/env bash
# Load benchmark (docs/performance.md): wrk against a running app on 127.0.0.1:7071
# (start it with scripts/run-local.sh). Needs wrk (Debian: apt-get install wrk).
# Throughput and p50/p99 of /health (the floor: no store, no recommender), /recommend and
# /rate_movie at 1, 16 and 64 connections, in one run.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${MOVIEREC_URL:-http://127.0.0.1:7071}
duration=${LOAD_SECONDS:-10}

post() { curl -fsS -XPOST "$base$1" -H 'content-type: application/json' -d "$2" >/dev/null; }
post /register '{"chat_id": "load-recommend"}'
post /register '{"chat_id": "load-rater"}'
for movie in 1 260 1196 1210 2571 589 1240 480 32 50 318 296; do
  post /rate_movie "{\"chat_id\": \"load-recommend\", \"movie_id\": $movie, \"rating\": 4.5}"
done

for connections in 1 16 64; do
  threads=$(( connections < 2 ? 1 : 2 ))
  echo "== /health, $connections connections, ${duration}s"
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$base/health" | grep -E "Requests/sec|^ +(50|99)%|Non-2xx|Socket errors"
done

for route in recommend rate_movie; do
  kind=recommend; [ "$route" = rate_movie ] && kind=rate
  for connections in 1 16 64; do
    threads=$(( connections < 2 ? 1 : 2 ))
    echo "== /$route, $connections connections, ${duration}s"
    BODY_KIND=$kind wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s scripts/load/post.lua "$base/$route" \
      | grep -E "Requests/sec|^ +(50|99)%|Non-2xx|Socket errors"
  done
done
