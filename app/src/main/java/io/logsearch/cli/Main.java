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
        withHelp(cli);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException) {
                return usage(commandLine, message(e));
            }
            commandLine.getErr().println("logsearch: " + message(e));
            return ExitCodes.FATAL;
        });
        return cli.execute(args);
    }

    /** Every command and subcommand takes {@code --help} (and {@code --version}), as the top level does. */
    private static void withHelp(CommandLine command) {
        command.getCommandSpec().mixinStandardHelpOptions(true);
        command.getSubcommands().values().forEach(Main::withHelp);
    }

    /** The one thing wrong with the command line, and where the usage is: not the whole usage again. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        return usage(e.getCommandLine(), e.getMessage());
    }

    private static int usage(CommandLine command, String message) {
        String name = command.getCommandSpec().qualifiedName();
        command.getErr().println(name + ": " + message);
        command.getErr().println("See '" + name + " --help'.");
        return ExitCodes.USAGE;
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.toString() : message;
    }
}
