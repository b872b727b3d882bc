#!/usr/bin/env bash
# API latency benchmark (SPEC §9): GET /v1/events against the raw Elasticsearch _search it issues,
# deep paging cost, on EVENTS generated ThousandEyes events over 90 days, one fresh local node.
# Prints a table. Usage: benchmarks/api.sh [EVENTS=300000] [REQUESTS=300]
set -euo pipefail

events="${1:-300000}"
requests="${2:-300}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/logsearch" --version >/dev/null   # builds the jar when needed, before any timing
jar="$root/app/target/logsearch.jar"
work="$(mktemp -d /tmp/logsearch-api-bench-XXXXXX)"
chmod 755 "$work"
es_port="${BENCH_ES_PORT:-9251}"
api_port="${BENCH_API_PORT:-7071}"
es="http://127.0.0.1:$es_port"
api="http://127.0.0.1:$api_port"
server=""

cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  java -jar "$jar" es stop --port "$es_port" --data "$work/node" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "Generating and loading $events events over 90 days..." >&2
java -jar "$jar" generate --source thousandeyes --events "$events" --days 90 --seed 11 > "$work/export.ndjson"
java -jar "$jar" es start --port "$es_port" --data "$work/node" >&2
ES_URL="$es" java -jar "$jar" load --source thousandeyes --index bench "$work/export.ndjson" >&2
curl -s -XPOST "$es/bench-*/_refresh" >/dev/null
curl -s -XPOST "$es/bench-*/_forcemerge?max_num_segments=1" >/dev/null

ES_URL="$es" LOGSEARCH_CURSOR_SECRET=benchmark-secret-0123456789 java -jar "$jar" serve --port "$api_port" --index bench > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "$api/health" >/dev/null 2>&1 && break; sleep 0.2; done

# The _search GET /v1/events?size=100 issues (see EventSearch): every partition of the base (bench-0*
# to bench-9*), one more hit than the page, two sort keys.
raw_indices="$(printf 'bench-%s*,' 0 1 2 3 4 5 6 7 8 9)"
raw_url="$es/${raw_indices%,}/_search?ignore_unavailable=true&allow_no_indices=true&allow_partial_search_results=false"
raw_body='{"size":101,"sort":[{"@timestamp":{"order":"desc"}},{"event.id":{"order":"desc"}}],"_source":{"excludes":["event.original"]},"track_total_hits":10000,"query":{"bool":{"filter":[]}}}'

timings() { # URL [curl args…] -> one time_total (seconds) per request
  local url="$1"; shift
  for _ in $(seq 1 "$requests"); do curl -s -o /dev/null -w '%{time_total}\n' "$@" "$url"; done
}
stats() { python3 -c '
import sys
v=sorted(float(x)*1000 for x in sys.stdin if x.strip())
p=lambda q: v[min(len(v)-1,int(q*len(v)))]
print("%.1f %.1f" % (p(0.5), p(0.99)))'; }

# warm-up, both sides: the server JIT-compiles its request path over its first thousand or so requests
requests=1000 timings "$api/v1/events?size=100" >/dev/null
timings "$raw_url" -H 'Content-Type: application/json' -d "$raw_body" >/dev/null
read -r api_p50 api_p99 < <(timings "$api/v1/events?size=100" | stats)
read -r raw_p50 raw_p99 < <(timings "$raw_url" -H 'Content-Type: application/json' -d "$raw_body" | stats)

# Deep paging: follow next links to page 1000 and time pages 1-20 against pages 991-1010.
python3 - "$api" > "$work/paging.txt" <<'PY'
import json, sys, time, urllib.request
url = sys.argv[1] + "/v1/events?size=100"
times = []
for page in range(1, 1011):
    t = time.perf_counter()
    body = json.load(urllib.request.urlopen(url))
    times.append((time.perf_counter() - t) * 1000)
    nxt = body["_links"].get("next")
    if not nxt:
        break
    url = nxt["href"]
first = sorted(times[:20])[10]
deep = sorted(times[990:1010])[10] if len(times) >= 1010 else float("nan")
print("%.1f %.1f %d" % (first, deep, len(times)))
PY
read -r page1 page1000 pages < "$work/paging.txt"

printf '\n%-44s %10s %10s\n' "GET /v1/events?size=100 ($events events)" "p50 ms" "p99 ms"
printf '%-44s %10s %10s\n' "logsearch API" "$api_p50" "$api_p99"
printf '%-44s %10s %10s\n' "raw Elasticsearch _search (same query)" "$raw_p50" "$raw_p99"
printf '\nAPI / raw at p50: %.2f (target <= 1.2)\n' "$(echo "$api_p50 / $raw_p50" | bc -l)"
printf 'paging: page 1 %s ms, page 1000 %s ms (median of 20 around each; %s pages walked; target <= 1.5x)\n' "$page1" "$page1000" "$pages"
