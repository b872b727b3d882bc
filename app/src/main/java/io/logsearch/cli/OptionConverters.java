package io.logsearch.cli;

import io.logsearch.localnode.NodeSettings;
import io.logsearch.mappings.Granularity;
import io.logsearch.mappings.Partitioning;
import io.logsearch.mappings.TimeWindow;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Checks option values while the command line is parsed, defaults from the environment included,
 * so that a bad value is a usage error (exit 2) naming the option, before anything runs.
 */
final class OptionConverters {

    private OptionConverters() {
    }

    /** {@code --index}: a base its partitions can be named after. */
    static final class IndexBase implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isEmpty()) {
                throw new TypeConversionException("the index base is empty (is LOGSEARCH_INDEX set to nothing?)");
            }
            try {
                return Partitioning.daily(value).base();
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --partition}: daily or monthly. */
    static final class Partition implements ITypeConverter<Granularity> {
        @Override
        public Granularity convert(String value) {
            try {
                return Granularity.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --replicas}: 0 or more. */
    static final class Replicas implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int replicas = integer(value, "replicas");
            if (replicas < 0) {
                throw new TypeConversionException("replicas must be 0 or more, not " + replicas);
            }
            return replicas;
        }
    }

    /** A port of the local Elasticsearch node: 1-65535. */
    static final class NodePort implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int port = integer(value, "a port");
            try {
                NodeSettings.checkPort(port, "HTTP");
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            return port;
        }
    }

    /** {@code es start --nodes}: 1 to 9 local nodes. */
    static final class Nodes implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int nodes = integer(value, "a number of nodes");
            if (nodes < 1 || nodes > 9) {
                throw new TypeConversionException("nodes must be 1 to 9, not " + nodes);
            }
            return nodes;
        }
    }

    /** A port to listen on: 1-65535, or 0 for any free one. */
    static final class ListenPort implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int port = integer(value, "a port");
            if (port < 0 || port > 65535) {
                throw new TypeConversionException("port " + port + " is outside 0-65535 (0 picks a free one)");
            }
            return port;
        }
    }

    /**
     * A duration with its unit ({@code 90d}, {@code 12w}, {@code 36h}, {@code 30m}, {@code 45s}):
     * a bare number is refused, since nobody can tell whether {@code 90} means days or seconds.
     */
    static final class Age implements ITypeConverter<java.time.Duration> {
        @Override
        public java.time.Duration convert(String value) {
            if (!value.strip().matches("\\d{1,12}[smhdw]")) {
                throw new TypeConversionException("'" + value + "' needs a unit: a number followed by s, m, h, d or w, such as 90d");
            }
            return TimeWindow.parse(value.strip());
        }
    }

    /** {@code --heap}: a JVM memory size such as 512m or 1g. */
    static final class Heap implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                NodeSettings.checkHeap(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            return value;
        }
    }

    /** A size in bytes with an optional unit: {@code 0}, {@code 500m}, {@code 2g}, {@code 64k}. */
    static final class ByteSize implements ITypeConverter<Long> {
        private static final Pattern SIZE = Pattern.compile("(\\d{1,12})([kmg]?)");

        @Override
        public Long convert(String value) {
            Matcher size = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
            if (!size.matches()) {
                throw new TypeConversionException("'" + value + "' is not a size: a number with an optional unit k, m or g, such as 2g");
            }
            int shift = switch (size.group(2)) {
                case "k" -> 10;
                case "m" -> 20;
                case "g" -> 30;
                default -> 0;
            };
            return Long.parseLong(size.group(1)) << shift;
        }
    }

    private static int integer(String value, String what) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not " + (what.startsWith("a ") ? what : "a number of " + what));
        }
    }
}
