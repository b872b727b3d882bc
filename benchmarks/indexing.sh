#!/usr/bin/env bash
# Indexing benchmark (SPEC §9): normalize alone, load, and curl posting the same pre-normalised
# documents to _bulk with 2 concurrent connections, side by side against one fresh local node.
# Prints a table. Usage: benchmarks/indexing.sh [EVENTS=300000] [SOURCE=thousandeyes]
set -euo pipefail

events="${1:-300000}"
source="${2:-thousandeyes}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/logsearch" --version >/dev/null   # builds the jar when needed, before any timing
logsearch_java() { java ${LOGSEARCH_JAVA_OPTS:-} -jar "$root/app/target/logsearch.jar" "$@"; }
logsearch=logsearch_java
work="$(mktemp -d /tmp/logsearch-bench-XXXXXX)"
chmod 755 "$work"
port="${BENCH_ES_PORT:-9250}"
url="http://127.0.0.1:$port"

cleanup() { "$logsearch" es stop --port "$port" --data "$work/node" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

seconds() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l; }

echo "Generating $events $source events..." >&2
"$logsearch" generate --source "$source" --events "$events" --days 30 --seed 7 > "$work/export.ndjson"
echo "Starting a fresh node on port $port..." >&2
"$logsearch" es start --port "$port" --data "$work/node" >&2

# 1. normalize alone (also produces the bulk body for curl)
t0=$(seconds)
"$logsearch" normalize --source "$source" --index bench-curl "$work/export.ndjson" > "$work/bulk.ndjson" 2>"$work/normalize.log"
t1=$(seconds)
normalize_s=$(elapsed "$t0" "$t1")

# 2. curl: the same documents, requests of 4000 documents (about 5 MB), 2 connections
ES_URL="$url" "$logsearch" templates install --index bench-curl >/dev/null
ES_URL="$url" "$logsearch" templates install --index bench-load >/dev/null
split -l 8000 -d -a 5 "$work/bulk.ndjson" "$work/chunk-"
# Warm the fresh node (its JIT, the first partitions) so whichever step runs first is not penalised.
head -n 80000 "$work/bulk.ndjson" | sed 's/"_index":"bench-curl-/"_index":"bench-warmup-/' > "$work/warmup.ndjson"
split -l 8000 -d -a 5 "$work/warmup.ndjson" "$work/warmup-"
ls "$work"/warmup-* | xargs -P 2 -I{} curl -s -o /dev/null -H 'Content-Type: application/x-ndjson' \
    --data-binary @{} "$url/_bulk"
warm_indices=$(curl -s "$url/_cat/indices/bench-warmup-*?h=index" | paste -sd, -)
curl -s -XDELETE "$url/$warm_indices" >/dev/null
rm -f "$work"/warmup*
t0=$(seconds)
ls "$work"/chunk-* | xargs -P 2 -I{} curl -s -o {}.response -H 'Content-Type: application/x-ndjson' \
    --data-binary @{} "$url/_bulk"
t1=$(seconds)
curl_s=$(elapsed "$t0" "$t1")
curl_failed=$(cat "$work"/chunk-*.response | grep -c '"errors":true' || true)
rm -f "$work"/chunk-*

# 3. load, with a 256 MB heap and a GC log for the peak heap
t0=$(seconds)
ES_URL="$url" LOGSEARCH_JAVA_OPTS="-Xmx256m -Xlog:gc:file=$work/gc.log" \
    "$logsearch" load --source "$source" --index bench-load --dead-letter "$work/rejected.ndjson" "$work/export.ndjson" \
    > "$work/load.log" 2>&1
t1=$(seconds)
load_s=$(elapsed "$t0" "$t1")
peak_heap=$(grep -o '[0-9]*M->' "$work/gc.log" | sed 's/M->//' | sort -n | tail -1)

curl -s -XPOST "$url/bench-*/_refresh" >/dev/null
curl_docs=$(curl -s "$url/bench-curl-*/_count" | grep -o '"count":[0-9]*' | cut -d: -f2)
load_docs=$(curl -s "$url/bench-load-*/_count" | grep -o '"count":[0-9]*' | cut -d: -f2)

rate() { echo "$1 / $2" | bc -l | xargs printf '%.0f'; }
printf '\n%-34s %10s %10s %12s\n' "step ($events $source events)" "seconds" "events/s" "documents"
printf '%-34s %10.1f %10s %12s\n' "normalize (JVM start included)" "$normalize_s" "$(rate "$events" "$normalize_s")" "-"
printf '%-34s %10.1f %10s %12s\n' "curl _bulk, 2 connections" "$curl_s" "$(rate "$events" "$curl_s")" "$curl_docs"
printf '%-34s %10.1f %10s %12s\n' "logsearch load (-Xmx256m)" "$load_s" "$(rate "$events" "$load_s")" "$load_docs"
printf '\nload / curl throughput: %.2f (target >= 0.9)\n' "$(echo "$curl_s / $load_s" | bc -l)"
printf 'peak heap before GC during load: %s MB of 256 MB\n' "${peak_heap:-?}"
printf 'load summary: %s\n' "$(grep '^read=' "$work/load.log")"
printf 'curl bulk responses with item errors: %s\n' "$curl_failed"
