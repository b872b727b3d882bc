package io.logsearch.localnode;

/** A local node that is running: its process and the HTTP port it was started on. */
public record RunningNode(long pid, int httpPort) {

    public String url() {
        return NodeSettings.url(httpPort);
    }
}
