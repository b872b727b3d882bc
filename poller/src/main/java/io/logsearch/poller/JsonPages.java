package io.logsearch.poller;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Reading a fetched page's body: whole for the bounded pages of paged APIs, or only checked, streaming, for a whole history. */
public final class JsonPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonPages() {
    }

    /** @throws UnreadablePageException when the body is not one JSON value */
    public static JsonNode read(Path body) {
        try {
            JsonNode page = JSON.readTree(body.toFile());
            if (page == null || page.isMissingNode()) {
                throw new UnreadablePageException("the page is empty", null);
            }
            return page;
        } catch (IOException e) {
            throw new UnreadablePageException("the page is not JSON: " + e.getMessage(), e);
        }
    }

    /** Checks that the body is one JSON value, in constant memory. @throws UnreadablePageException when it is not */
    public static void check(Path body) {
        try (JsonParser parser = JSON.getFactory().createParser(body.toFile())) {
            if (parser.nextToken() == null) {
                throw new UnreadablePageException("the page is empty", null);
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new UnreadablePageException("the page holds more than one JSON value", null);
            }
        } catch (IOException e) {
            throw new UnreadablePageException("the page is not JSON: " + e.getMessage(), e);
        }
    }
}
