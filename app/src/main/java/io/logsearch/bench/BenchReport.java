package io.logsearch.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The figures of one run with the machine they were measured on: a text table and a markdown page. */
public record BenchReport(Map<String, String> environment, String command, List<String> notes, List<Figure> figures) {

    public BenchReport {
        environment = Map.copyOf(environment);
        notes = List.copyOf(notes);
        figures = List.copyOf(figures);
    }

    public String table() {
        int measure = width(figures.stream().map(Figure::measure).toList(), "measure");
        int result = width(figures.stream().map(Figure::result).toList(), "result");
        int target = width(figures.stream().map(Figure::target).toList(), "target");
        String row = "%-" + measure + "s  %-" + result + "s  %-" + target + "s  %s%n";
        StringBuilder out = new StringBuilder(Figure.format(row, "measure", "result", "target", "verdict"));
        figures.forEach(f -> out.append(Figure.format(row, f.measure(), f.result(), f.target(), f.verdict())));
        return out.toString();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder("# Benchmarks\n\n");
        out.append("Produced by `logsearch bench`; reproduce with:\n\n```sh\n").append(command).append("\n```\n\n");
        out.append("## Machine\n\n");
        environment.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
        out.append("\n## Results\n\n| measure | result | target | verdict |\n|---|---|---|---|\n");
        figures.forEach(f -> out.append("| ").append(cell(f.measure())).append(" | ").append(cell(f.result())).append(" | ")
                .append(cell(f.target())).append(" | ").append(f.met().map(m -> m ? "met" : "**missed**").orElse("–")).append(" |\n"));
        if (!notes.isEmpty()) {
            out.append("\n## How it was measured\n\n").append(notes.stream().map(n -> "- " + n).collect(Collectors.joining("\n"))).append('\n');
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static int width(List<String> cells, String header) {
        return Math.max(header.length(), cells.stream().mapToInt(String::length).max().orElse(0));
    }
}
