# The logsearch API: the runnable jar on Eclipse Temurin 17, as a non-root user.
# Build the jar first (./logsearch --version, or mvn -B package -pl app -am -DskipTests); .dockerignore sends only
# app/target/logsearch.jar and compose/ to the daemon.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin logsearch
WORKDIR /app
COPY app/target/logsearch.jar /app/logsearch.jar
COPY compose/ /app/compose/
USER logsearch
EXPOSE 7070
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 CMD curl -fs http://127.0.0.1:7070/health || exit 1
# Serves on all interfaces of the container, so only with a bearer token: LOGSEARCH_API_TOKEN (see compose/serve.sh).
ENTRYPOINT ["/bin/sh", "/app/compose/serve.sh"]
