package io.logsearch.generator;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** The random stream of one source's export: the same seed gives each source a different one. */
final class Seeds {

    private Seeds() {
    }

    static SplittableRandom of(GeneratorSpec spec, String sourceId) {
        long mixed = spec.seed();
        for (byte b : sourceId.getBytes(StandardCharsets.UTF_8)) {
            mixed = Ids.scramble(mixed ^ b);
        }
        return new SplittableRandom(mixed);
    }
}
