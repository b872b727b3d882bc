package io.logsearch.indexer.read;

/**
 * Where in an export a record, or a problem, is.
 *
 * @param record the 1-based index of the record in its input, 0 when the problem lies outside any record
 * @param line   1-based line
 * @param column 1-based column
 */
public record Position(long record, long line, long column) {

    @Override
    public String toString() {
        String at = "line " + line + ", column " + column;
        return record > 0 ? "record " + record + " (" + at + ")" : at;
    }
}
