#!/bin/sh
# The logsearch API inside the compose stack: it listens on all interfaces of its container, so it serves
# only with a token, LOGSEARCH_API_TOKEN, kept as its SHA-256 in a tokens file (mode 600, as serve demands).
# Its port is published on the host's loopback only, so plain HTTP is asked for explicitly (--insecure-http).
set -eu
umask 077
hash=$(printf '%s' "${LOGSEARCH_API_TOKEN}" | sha256sum | cut -d' ' -f1)
printf '{"tokens": [{"name": "compose", "sha256": "%s", "organizations": ["*"], "scopes": ["search", "ingest", "admin"]}]}\n' \
  "$hash" > /tmp/tokens.json
exec java -jar /app/logsearch.jar serve --bind 0.0.0.0 --port 7070 --tokens /tmp/tokens.json --insecure-http
