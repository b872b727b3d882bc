package io.logsearch.bench;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class CliRunTest {

    @TempDir
    Path work;

    @Test
    void aCommandInItsOwnJvmIsTimedWithItsPeakMemory() throws Exception {
        CliRun.Result run = CliRun.run(work, List.of("-Xmx64m"), Map.of(), "generate", "--source", "thousandeyes", "--events", "20000");
        assertTrue(run.seconds() > 0, "seconds " + run.seconds());
        assertTrue(run.peakRssBytes().orElseThrow() > 10L * 1024 * 1024, "peak RSS " + run.peakRssBytes());
        assertTrue(run.peakHeapBytes().orElse(0) <= 64L * 1024 * 1024, "peak heap " + run.peakHeapBytes());
    }

    @Test
    void aCommandThatFailsIsReportedWithWhatItSaid() {
        IOException failed = assertThrows(IOException.class, () -> CliRun.run(work, List.of(), Map.of(), "generate", "--source", "nosuch", "--events", "1"));
        assertTrue(failed.getMessage().contains("exited 2") && failed.getMessage().contains("nosuch"), failed.getMessage());
    }
}
