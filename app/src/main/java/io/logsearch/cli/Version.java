package io.logsearch.cli;

import io.logsearch.localnode.Distribution;
import picocli.CommandLine.IVersionProvider;

final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {
                "logsearch " + (version == null ? "development build" : version),
                "local Elasticsearch node " + Distribution.VERSION
        };
    }
}
