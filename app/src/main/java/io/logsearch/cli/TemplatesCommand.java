package io.logsearch.cli;

import io.logsearch.mappings.AccessLogIndex;
import io.logsearch.mappings.IndexTemplate;
import io.logsearch.storage.EventStore;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "templates", description = "Manage the index templates.", subcommands = TemplatesCommand.Install.class)
final class TemplatesCommand {

    @Command(name = "install", description = "Create or update the composable index templates BASE (matching BASE-*) and BASE-access (the access log, BASE-access-*).")
    static final class Install implements Callable<Integer> {
        @Mixin
        IndexOptions index;

        @Override
        public Integer call() throws IOException {
            try (Elasticsearch es = Elasticsearch.fromEnvironment()) {
                EventStore events = index.on(es.client());
                events.installTemplate();
                System.out.println("Installed index template '" + IndexTemplate.name(events.base()) + "' for "
                        + events.partitions().allPartitions() + " at " + es.url());
                EventStore accessLog = events.accessLog();
                accessLog.installTemplate();
                System.out.println("Installed index template '" + AccessLogIndex.templateName(events.base()) + "' for "
                        + accessLog.partitions().allPartitions() + " at " + es.url());
            }
            return ExitCodes.OK;
        }
    }
}
