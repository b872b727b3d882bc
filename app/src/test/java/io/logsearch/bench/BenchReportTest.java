package io.logsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private final BenchReport report = new BenchReport(
            Map.of("Java", "OpenJDK 17", "CPU", "test CPU, 2 cores available"),
            "./logsearch bench --events 10",
            List.of("raw runs first."),
            List.of(Figure.rate("normalize onehub", 300_000, 250_000),
                    Figure.ratio("ingest, load / raw _bulk", "events/s ratio", 0.5, 0.95, true),
                    Figure.ratio("p50 / raw", "p50 ratio", 1.05, 1.10, false),
                    Figure.info("raw _search | p50", "p50 1.00 ms")));

    @Test
    void figuresSayWhetherTheirTargetIsMet() {
        assertEquals(Optional.of(true), report.figures().get(0).met());
        assertEquals("missed", report.figures().get(1).verdict());
        assertEquals("met", report.figures().get(2).verdict());
        assertEquals("–", report.figures().get(3).verdict());
        assertEquals("≥ 0.95", report.figures().get(1).target());
        assertEquals("≤ 1.10", report.figures().get(2).target());
        assertEquals("events/s ratio: 0.50", report.figures().get(1).result());
    }

    @Test
    void tableAlignsEveryColumn() {
        List<String> lines = report.table().lines().toList();
        assertEquals(5, lines.size());
        int targetColumn = lines.get(0).indexOf("target");
        assertEquals(targetColumn, lines.get(1).indexOf("≥ 250,000 events/s"));
        assertEquals(targetColumn, lines.get(2).indexOf("≥ 0.95"));
        assertTrue(lines.get(1).startsWith("normalize onehub  "), lines.get(1));
        assertTrue(lines.get(1).contains("300,000 events/s"), lines.get(1));
        assertTrue(lines.get(2).endsWith("missed"), lines.get(2));
    }

    @Test
    void markdownHoldsTheCommandTheMachineSortedAndEveryFigure() {
        String markdown = report.markdown();
        assertTrue(markdown.contains("```sh\n./logsearch bench --events 10\n```"), markdown);
        assertTrue(markdown.contains("- CPU: test CPU, 2 cores available\n- Java: OpenJDK 17\n"), markdown);
        assertTrue(markdown.contains("| ingest, load / raw _bulk | events/s ratio: 0.50 | ≥ 0.95 | **missed** |\n"), markdown);
        assertTrue(markdown.contains("| p50 / raw | p50 ratio: 1.05 | ≤ 1.10 | met |\n"), markdown);
        assertTrue(markdown.contains("| raw _search \\| p50 | p50 1.00 ms | – | – |\n"), markdown);
        assertTrue(markdown.contains("- raw runs first.\n"), markdown);
    }
}
