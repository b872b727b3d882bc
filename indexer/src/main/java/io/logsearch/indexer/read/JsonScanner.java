package io.logsearch.indexer.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Follows JSON text byte by byte without parsing it: which bytes are inside strings (escapes
 * included), how deeply objects and arrays are nested, and the line and column reached. It goes
 * where the parser cannot: over damaged text to the next place reading can go on, and ahead of the
 * parser to find a body's context fields. Damage does not stop it; it only ends at the end of input.
 */
final class JsonScanner {

    static final int END = -1;

    /** How a value the scanner was asked to pass over ended. */
    enum Outcome {
        /** the value closed */
        CLOSED,
        /** a line ended the value first (the line the parser found the damage on, or one a value follows): the structure is lost up to there */
        LINE_ENDED,
        /** the input ended first */
        INPUT_ENDED,
        /** the next record of the array starts, or the array closes, before the value closed: it was cut short */
        CUT_SHORT
    }

    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int next;
    private int end;
    private long offset;
    private long line;
    private long column;
    private int depth;
    private boolean inString;
    private boolean escaped;
    private ByteArrayOutputStream captured;
    private int captureLimit;

    /**
     * @param offset where {@code in} starts in the export, and its line and column
     * @param depth  how many objects and arrays are open there
     */
    JsonScanner(InputStream in, long offset, long line, long column, int depth) {
        this.in = in;
        this.offset = offset;
        this.line = line;
        this.column = column;
        this.depth = depth;
    }

    /** The next byte, not consumed, or {@link #END}. */
    int peek() throws IOException {
        if (next == end) {
            end = in.read(buffer, 0, buffer.length);
            next = 0;
            if (end <= 0) {
                end = 0;
                return END;
            }
        }
        return buffer[next] & 0xff;
    }

    /** Consumes the next byte and returns it, or {@link #END}. */
    int read() throws IOException {
        int b = peek();
        if (b == END) {
            return END;
        }
        next++;
        offset++;
        if (b == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        if (inString) {
            if (b == '\n') {
                // a JSON string cannot hold a raw line break: this one is damaged, and ends here
                inString = false;
                escaped = false;
            } else if (escaped) {
                escaped = false;
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                inString = false;
            }
        } else if (b == '"') {
            inString = true;
        } else if (b == '{' || b == '[') {
            depth++;
        } else if (b == '}' || b == ']') {
            depth--;
        }
        if (captured != null && captured.size() < captureLimit) {
            captured.write(b);
        }
        return b;
    }

    /** Consumes whitespace and returns the next byte, consumed, or {@link #END}. */
    int readNonBlank() throws IOException {
        int b;
        do {
            b = read();
        } while (isBlank(b));
        return b;
    }

    /** Consumes whitespace and returns the next byte, not consumed. */
    int peekNonBlank() throws IOException {
        while (isBlank(peek())) {
            read();
        }
        return peek();
    }

    /**
     * Passes over the value that starts at the next byte: up to its closing bracket or quote, to
     * the end of a bare word, or to the end of line {@code lastLine} if that comes first.
     */
    Outcome skipValue(long lastLine) throws IOException {
        int start = depth;
        int b = read();
        if (b == END) {
            return Outcome.INPUT_ENDED;
        }
        if (b == '{' || b == '[' || b == '"') {
            return skipUntilDepth(start, lastLine);
        }
        while (!isDelimiter(peek())) {
            read();
        }
        return peek() == END ? Outcome.INPUT_ENDED : Outcome.CLOSED;
    }

    /**
     * Passes over a damaged record of a records array, which starts at the next byte, and tells
     * where it ends: where it closes, brackets matched by kind (a closer passes over the unclosed
     * containers inside it, as a truncated nested object leaves them); where {@code nextRecord}
     * spots the next record of the array, or the array's closing bracket comes, before that
     * ({@link Outcome#CUT_SHORT}: the scanner then stands at that record or bracket, and the text
     * captured ends before it); or with its line when the next line starts with a value at its
     * first column ({@link Outcome#LINE_ENDED}): the record was cut off, and a page or record of
     * its own follows.
     */
    Outcome skipRecord(NextRecordStart nextRecord) throws IOException {
        int first = peek();
        if (first != '{' && first != '[') {
            return skipValue(line);
        }
        StringBuilder open = new StringBuilder();
        while (true) {
            long at = offset;
            long atLine = line;
            long atColumn = column;
            int capturedBefore = captured == null ? 0 : captured.size();
            boolean quoted = inString;
            int b = read();
            if (b == END) {
                return Outcome.INPUT_ENDED;
            }
            if (nextRecord.next(b, at, atLine, atColumn, capturedBefore) && open.length() > 0) {
                captureLimit = Math.min(captureLimit, nextRecord.captureBeforeComma());
                standAt(nextRecord.braceOffset(), nextRecord.braceLine(), nextRecord.braceColumn());
                return Outcome.CUT_SHORT;
            }
            if (b == '\n' && (peek() == '{' || peek() == '[')) {
                return Outcome.LINE_ENDED;
            }
            if (quoted || b == '"') {
                continue;
            }
            if (b == '{' || b == '[') {
                open.append((char) b);
            } else if (b == '}' || b == ']') {
                int match = open.lastIndexOf(b == '}' ? "{" : "[");
                if (match < 0) {
                    captureLimit = Math.min(captureLimit, capturedBefore);
                    standAt(at, atLine, atColumn);
                    return Outcome.CUT_SHORT;
                }
                open.setLength(match);
                if (match == 0) {
                    return Outcome.CLOSED;
                }
            }
        }
    }

    /** Reads until {@code target} containers are open again, outside any string. */
    Outcome skipUntilDepth(int target, long lastLine) throws IOException {
        while (depth > target || inString) {
            int b = read();
            if (b == END) {
                return Outcome.INPUT_ENDED;
            }
            if (b == '\n' && line > lastLine) {
                return Outcome.LINE_ENDED;
            }
        }
        return Outcome.CLOSED;
    }

    /** Reads to the end of the current line; false when the input ended first. */
    boolean skipLine() throws IOException {
        int b;
        do {
            b = read();
        } while (b != END && b != '\n');
        return b == '\n';
    }

    /** Reads up to, not including, the next byte outside strings for which {@code stop} holds, or to the end of line {@code lastLine}. */
    Outcome skipUntil(IntPredicate stop, long lastLine) throws IOException {
        while (true) {
            int b = peek();
            if (b == END) {
                return Outcome.INPUT_ENDED;
            }
            if (!inString && stop.test(b)) {
                return Outcome.CLOSED;
            }
            read();
            if (b == '\n' && line > lastLine) {
                return Outcome.LINE_ENDED;
            }
        }
    }

    /** Reads a string or a bare word that starts at the next byte and returns its text as written (at most {@code limit} bytes kept). */
    byte[] readScalar(int limit) throws IOException {
        startCapture(limit);
        int b = read();
        if (b == '"') {
            while (inString && read() != END) {
                // the string's bytes are captured as they are read
            }
        } else {
            while (!isDelimiter(peek())) {
                read();
            }
        }
        return endCaptureBytes();
    }

    /** After an opening quote was read: reads to the closing quote and returns the string as written, quotes included (at most {@code limit} bytes kept). */
    byte[] readRestOfString(int limit) throws IOException {
        startCapture(limit);
        captured.write('"');
        while (inString && read() != END) {
            // the string's bytes are captured as they are read
        }
        return endCaptureBytes();
    }

    /**
     * Goes back to an earlier byte of the current record, which the caller resumes reading at:
     * this scanner is done, only its position and captured text are used still.
     */
    private void standAt(long atOffset, long atLine, long atColumn) {
        offset = atOffset;
        line = atLine;
        column = atColumn;
    }

    /** From now on every byte read is kept, up to {@code limit} bytes. */
    void startCapture(int limit) {
        captured = new ByteArrayOutputStream();
        captureLimit = limit;
    }

    /** The bytes read since {@link #startCapture}, as text with trailing line breaks removed. */
    String endCapture() {
        return new String(endCaptureBytes(), StandardCharsets.UTF_8).stripTrailing();
    }

    private byte[] endCaptureBytes() {
        byte[] bytes = captured.size() > captureLimit ? Arrays.copyOf(captured.toByteArray(), captureLimit) : captured.toByteArray();
        captured = null;
        return bytes;
    }

    /** Where the next byte is in the export. */
    long offset() {
        return offset;
    }

    long line() {
        return line;
    }

    long column() {
        return column;
    }

    static boolean isBlank(int b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** The bytes of a UTF-8 byte order mark, which carry nothing between values. */
    static boolean isByteOrderMark(int b) {
        return b == 0xEF || b == 0xBB || b == 0xBF;
    }

    private static boolean isDelimiter(int b) {
        return b == END || isBlank(b) || b == ',' || b == ':' || b == '{' || b == '}' || b == '[' || b == ']' || b == '"';
    }
}
