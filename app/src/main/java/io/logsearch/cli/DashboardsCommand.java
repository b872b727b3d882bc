package io.logsearch.cli;

import io.logsearch.dashboards.ImportResult;
import io.logsearch.dashboards.KibanaAuth;
import io.logsearch.dashboards.KibanaImport;
import io.logsearch.dashboards.SavedObjects;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dashboards", description = "Kibana saved objects: a data view, the saved search, Lens visualisations and three dashboards.",
        subcommands = {DashboardsCommand.Export.class, DashboardsCommand.Import.class})
final class DashboardsCommand {

    @Command(name = "export", description = "Print the saved objects as NDJSON (what dashboards/logsearch.ndjson holds for the default base).")
    static final class Export implements Callable<Integer> {
        @Option(names = "--index", paramLabel = "BASE", defaultValue = "${env:LOGSEARCH_INDEX:-logsearch-events}",
                converter = OptionConverters.IndexBase.class,
                description = "Index base the data view covers as BASE-* (default: $LOGSEARCH_INDEX, else logsearch-events).")
        String base;

        @Override
        public Integer call() {
            byte[] ndjson = SavedObjects.ndjson(base).getBytes(StandardCharsets.UTF_8);
            System.out.write(ndjson, 0, ndjson.length);
            System.out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", description = {
            "Import the saved objects into Kibana (POST /api/saved_objects/_import?overwrite=true).",
            "Credentials: KIBANA_USERNAME/KIBANA_PASSWORD or KIBANA_API_KEY. Exit 1 when Kibana refuses any object."})
    static final class Import implements Callable<Integer> {
        @Option(names = "--kibana", paramLabel = "URL", required = true, description = "Kibana's URL, e.g. http://127.0.0.1:5601.")
        String kibana;

        @Option(names = "--space", paramLabel = "ID", description = "Kibana space to import into (default: the default space).")
        Optional<String> space;

        @Option(names = "--index", paramLabel = "BASE", defaultValue = "${env:LOGSEARCH_INDEX:-logsearch-events}",
                converter = OptionConverters.IndexBase.class,
                description = "Index base: the data view's id and its pattern BASE-* (default: $LOGSEARCH_INDEX, else logsearch-events).")
        String base;

        @Override
        public Integer call() throws InterruptedException {
            KibanaImport target;
            try {
                target = new KibanaImport(new URI(kibana), space, KibanaAuth.fromEnvironment(System.getenv()));
            } catch (URISyntaxException e) {
                throw new UsageException("--kibana must be an http(s) URL such as http://127.0.0.1:5601, not '" + kibana + "'");
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            ImportResult result = target.importObjects(SavedObjects.ndjson(base));
            if (!result.complete()) {
                System.err.println("logsearch: Kibana at " + target.endpoint() + " imported " + result.successCount()
                        + " objects and refused " + result.errors().size() + ":");
                result.errors().forEach(error -> System.err.println("  " + error));
                return ExitCodes.FATAL;
            }
            System.out.println("Imported " + result.successCount() + " saved objects into " + target.endpoint()
                    + " (data view '" + base + "' on " + base + "-*). Open the dashboard \"logsearch — overview\".");
            return ExitCodes.OK;
        }
    }
}
