#!/bin/sh
# One-shot setup of the compose stack: waits for Elasticsearch, sets the kibana_system password, installs the
# index template, loads the demo samples of every source and imports the Kibana dashboards.
set -eu
cd /tmp
logsearch() { java -jar /app/logsearch.jar "$@"; }
auth="elastic:${ELASTIC_PASSWORD}"

echo "Waiting for Elasticsearch at ${ES_URL}..."
until curl -fs -u "$auth" "${ES_URL}/_cluster/health?wait_for_status=yellow&timeout=5s" >/dev/null; do sleep 2; done

echo "Setting the kibana_system password..."
until curl -fs -u "$auth" -X POST -H 'Content-Type: application/json' \
    "${ES_URL}/_security/user/kibana_system/_password" -d "{\"password\":\"${KIBANA_PASSWORD}\"}" >/dev/null; do sleep 2; done

export ES_USERNAME=elastic ES_PASSWORD="${ELASTIC_PASSWORD}"
logsearch templates install

# The same samples as ./logsearch demo: 2,000 events per source over 14 days, seed 2026; loading them again adds nothing.
for source in actionhub thousandeyes onehub authing; do
  logsearch generate --source "$source" --events 2000 --days 14 --seed 2026 > "/tmp/$source.ndjson"
  logsearch load --source "$source" --dead-letter "/tmp/$source-rejected.ndjson" "/tmp/$source.ndjson"
done

echo "Waiting for Kibana at ${KIBANA_URL}..."
until curl -fs -u "$auth" "${KIBANA_URL}/api/status" >/dev/null; do sleep 5; done
KIBANA_USERNAME=elastic KIBANA_PASSWORD="${ELASTIC_PASSWORD}" logsearch dashboards import --kibana "${KIBANA_URL}"
echo "Setup done: Kibana http://127.0.0.1:5601 (elastic), API http://127.0.0.1:7070/"
