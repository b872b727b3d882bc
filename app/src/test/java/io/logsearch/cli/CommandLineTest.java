package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line as a person meets it, in-process and without Elasticsearch: help, and usage errors. */
class CommandLineTest {

    /** What one in-process run printed, and its exit status. */
    private record Run(int exit, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Every command and subcommand, as it is typed: {@code es start}, {@code dashboards import}, … */
    private static List<List<String>> commands(CommandLine command, List<String> path) {
        List<List<String>> all = new ArrayList<>();
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            List<String> typed = new ArrayList<>(path);
            typed.add(sub.getKey());
            all.add(typed);
            all.addAll(commands(sub.getValue(), typed));
        }
        return all;
    }

    @Test
    void everyCommandTakesHelpAndPrintsItsUsageOnStdout() {
        List<List<String>> commands = commands(new CommandLine(new LogSearchCommand()), List.of());
        assertTrue(commands.size() >= 12, commands.toString());
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            Run help = run(args.toArray(String[]::new));
            assertEquals(0, help.exit(), command + ": " + help.err());
            assertTrue(help.out().startsWith("Usage: logsearch " + String.join(" ", command)), command + ":\n" + help.out());
            assertEquals("", help.err(), command.toString());
        }
    }

    @Test
    void helpTextShowsItsDefaultsWhateverTheEnvironment() {
        String help = run("load", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("(default: $LOGSEARCH_INDEX, else logsearch-events)"), help);
        assertFalse(help.contains(" or )"), help);
    }

    @Test
    void aUsageErrorSaysTheOneThingWrongAndWhereTheHelpIs() {
        Run unknown = run("load", "--source", "thousandeyes", "--bogus", "x.json");
        assertEquals(2, unknown.exit());
        assertEquals("logsearch load: Unknown option: '--bogus'\nSee 'logsearch load --help'.\n", unknown.err());
        assertEquals("", unknown.out());

        Run missing = run("es", "status", "--heap", "0");
        assertEquals(2, missing.exit());
        assertEquals(2, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().endsWith("See 'logsearch es status --help'.\n"), missing.err());
    }

    @Test
    void benchRefusesNoEventsAndABadHeapBeforeStartingAnything() {
        Run none = run("bench", "--events", "0");
        assertEquals(2, none.exit());
        assertEquals("logsearch bench: --events must be at least 1, not 0\nSee 'logsearch bench --help'.\n", none.err());

        Run heap = run("bench", "--heap", "lots");
        assertEquals(2, heap.exit());
        assertTrue(heap.err().startsWith("logsearch bench: heap 'lots' is not a JVM memory size such as 512m or 1g\n"), heap.err());
        assertEquals("", heap.out());

        Run size = run("bench", "--large-export", "2 gigabytes");
        assertEquals(2, size.exit());
        assertTrue(size.err().contains("'2 gigabytes' is not a size: a number with an optional unit k, m or g, such as 2g"), size.err());
        assertEquals("", size.out());
    }

    @Test
    void byteSizesTakeAnOptionalUnit() {
        OptionConverters.ByteSize sizes = new OptionConverters.ByteSize();
        assertEquals(0L, sizes.convert("0"));
        assertEquals(2L << 30, sizes.convert("2g"));
        assertEquals(500L << 20, sizes.convert("500M"));
        assertEquals(64L << 10, sizes.convert("64k"));
        assertEquals(1234L, sizes.convert("1234"));
    }

    @Test
    void pruneNeedsAUnitAndAtLeastOneDay() {
        Run bare = run("prune", "--older-than", "90");
        assertEquals(2, bare.exit());
        assertTrue(bare.err().startsWith("logsearch prune: Invalid value for option '--older-than': '90' needs a unit: "
                + "a number followed by s, m, h, d or w, such as 90d"), bare.err());

        Run hours = run("prune", "--older-than", "23h");
        assertEquals(2, hours.exit());
        assertTrue(hours.err().startsWith("logsearch prune: --older-than must be at least 1d; 23h would delete all but the newest partitions"),
                hours.err());
    }
}
