package io.logsearch.cli;

import picocli.CommandLine;

/** The {@code logsearch} executable. Exit status: 0 ok, 1 fatal, 2 usage error, 3 finished with rejected records. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new LogSearchCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("logsearch: " + message(e));
            return e instanceof UsageException ? ExitCodes.USAGE : ExitCodes.FATAL;
        });
        return cli.execute(args);
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.toString() : message;
    }
}
