package io.logsearch.indexer.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logsearch.indexer.sources.SourceRecord;
import java.io.IOException;
import java.util.Optional;

/**
 * The field an export's items may wrap their record in (Onehub's {@code {"event": {…}}}). An item
 * that is nothing but the wrapper around an object is that object; any other item is a record itself.
 */
final class ItemWrapper {

    private final Optional<String> field;
    private final JsonFactory json;

    ItemWrapper(Optional<String> field, JsonFactory json) {
        this.field = field;
        this.json = json;
    }

    /** The record of {@code item}, with its text cut from the item's text when there is one. */
    SourceRecord unwrap(ObjectNode item, Optional<String> itemText) throws IOException {
        if (field.isEmpty() || item.size() != 1 || !(item.get(field.get()) instanceof ObjectNode record)) {
            return new SourceRecord(item, itemText);
        }
        return new SourceRecord(record, itemText.isPresent() ? wrappedText(itemText.get()) : Optional.empty());
    }

    /** The text of the object the wrapper field holds; of the last one when the item repeats the field, as its tree does. */
    private Optional<String> wrappedText(String itemText) throws IOException {
        Optional<String> wrapped = Optional.empty();
        try (JsonParser parser = json.createParser(itemText)) {
            parser.nextToken();
            for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                boolean wrapper = parser.currentName().equals(field.get());
                JsonToken value = parser.nextToken();
                int from = (int) parser.currentTokenLocation().getCharOffset();
                parser.skipChildren();
                if (wrapper && value == JsonToken.START_OBJECT) {
                    wrapped = Optional.of(itemText.substring(from, (int) parser.currentLocation().getCharOffset()));
                }
            }
        }
        return wrapped;
    }
}
