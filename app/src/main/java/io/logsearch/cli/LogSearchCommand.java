package io.logsearch.cli;

import picocli.CommandLine.Command;

@Command(name = "logsearch",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Audit-log search over ActionHub, ThousandEyes, Onehub and Authing events in Elasticsearch.",
        subcommands = {
                DemoCommand.class,
                ServeCommand.class,
                LoadCommand.class,
                PollCommand.class,
                NormalizeCommand.class,
                GenerateCommand.class,
                TemplatesCommand.class,
                DashboardsCommand.class,
                PruneCommand.class,
                KeysCommand.class,
                SealCommand.class,
                VerifyCommand.class,
                BenchCommand.class,
                EsCommand.class
        },
        footer = {"",
                "Elasticsearch: ES_URL (default http://127.0.0.1:9200), ES_API_KEY or ES_USERNAME/ES_PASSWORD, ES_CA_CERT.",
                "Kibana (dashboards import): KIBANA_USERNAME/KIBANA_PASSWORD or KIBANA_API_KEY.",
                "Exit status: 0 ok, 1 fatal error, 2 usage error, 3 finished but records were rejected."})
final class LogSearchCommand {
}
