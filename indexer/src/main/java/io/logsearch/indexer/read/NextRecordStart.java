package io.logsearch.indexer.read;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Spots, byte by byte and whatever the string state, where the next record of a records array
 * starts: a comma, an opening brace and the first key its records begin with ({@code ,{"uid":}).
 * The records of one export are written alike, so inside a damaged record this marks its end even
 * where the damage hides the brackets (an unclosed string turns strings inside out for the rest of
 * a line). Inside a valid JSON string the sequence cannot occur, as its quotes would be escaped.
 */
final class NextRecordStart {

    private enum State { AFTER_COMMA, AFTER_BRACE, IN_KEY, AFTER_KEY, NONE }

    private final List<byte[]> keys;
    private final byte[] key;
    private State state = State.NONE;
    private int keyLength;
    private long braceOffset;
    private long braceLine;
    private long braceColumn;
    private int captureBeforeComma;

    /** @param keys the first keys records of this array begin with, as written between their quotes */
    NextRecordStart(List<byte[]> keys) {
        this.keys = List.copyOf(keys);
        this.key = new byte[keys.stream().mapToInt(k -> k.length).max().orElse(0) + 1];
    }

    /**
     * Takes the byte just read, which began at {@code offset}, {@code line}, {@code column}, with
     * {@code captured} bytes of damaged text kept before it; true when it completes a record start.
     */
    boolean next(int b, long offset, long line, long column, int captured) {
        if (b == ',' && state != State.IN_KEY) {
            state = State.AFTER_COMMA;
            captureBeforeComma = captured;
            return false;
        }
        switch (state) {
            case AFTER_COMMA -> {
                if (b == '{') {
                    braceOffset = offset;
                    braceLine = line;
                    braceColumn = column;
                    state = State.AFTER_BRACE;
                } else if (!JsonScanner.isBlank(b)) {
                    state = State.NONE;
                }
            }
            case AFTER_BRACE -> {
                if (b == '"') {
                    keyLength = 0;
                    state = State.IN_KEY;
                } else if (!JsonScanner.isBlank(b)) {
                    state = State.NONE;
                }
            }
            case IN_KEY -> {
                if (b == '"') {
                    state = isKey() ? State.AFTER_KEY : State.NONE;
                } else if (keyLength < key.length) {
                    key[keyLength++] = (byte) b;
                } else {
                    state = State.NONE;
                }
            }
            case AFTER_KEY -> {
                if (b == ':') {
                    state = State.NONE;
                    return true;
                }
                if (!JsonScanner.isBlank(b)) {
                    state = State.NONE;
                }
            }
            case NONE -> {
                // waiting for a comma
            }
        }
        return false;
    }

    private boolean isKey() {
        return keys.stream().anyMatch(k -> k.length == keyLength && Arrays.equals(k, 0, keyLength, key, 0, keyLength));
    }

    /** Where the record that was spotted starts: its opening brace. */
    long braceOffset() {
        return braceOffset;
    }

    long braceLine() {
        return braceLine;
    }

    long braceColumn() {
        return braceColumn;
    }

    /** How much of the damaged text came before the comma that precedes the record spotted. */
    int captureBeforeComma() {
        return captureBeforeComma;
    }

    /** The first key of the record whose text starts {@code text}, as written between its quotes. */
    static Optional<byte[]> firstKey(byte[] text) {
        int i = 0;
        while (i < text.length && JsonScanner.isBlank(text[i])) {
            i++;
        }
        if (i >= text.length || text[i++] != '{') {
            return Optional.empty();
        }
        while (i < text.length && JsonScanner.isBlank(text[i])) {
            i++;
        }
        if (i >= text.length || text[i++] != '"') {
            return Optional.empty();
        }
        int from = i;
        while (i < text.length && text[i] != '"' && text[i] != '\\' && text[i] != '\n') {
            i++;
        }
        return i < text.length && text[i] == '"' && i > from
                ? Optional.of(Arrays.copyOfRange(text, from, i))
                : Optional.empty();
    }

    /** A parsed key as JSON writes it between quotes. */
    static byte[] written(String key) {
        return JsonStringEncoder.getInstance().quoteAsUTF8(key);
    }
}
