package io.logsearch.indexer.sources.onehub;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A link inside an Onehub detail, e.g. {@code <a href="/workspaces/4137/files/849607">onehub-logo.png</a>}.
 *
 * @param href the attribute as written (entities decoded)
 * @param name the link's text
 */
record OnehubLink(String href, String name) {

    private static final String WORKSPACES = "workspaces";
    private static final String FILES = "files";

    /** The workspace id when this links to a workspace itself ({@code /workspaces/{id}}). */
    Optional<String> workspaceId() {
        List<String> segments = pathSegments();
        return segments.size() == 2 && segments.get(0).equals(WORKSPACES) && isId(segments.get(1))
                ? Optional.of(segments.get(1))
                : Optional.empty();
    }

    /** The file id when this links to a file ({@code /workspaces/{w}/files/{id}}). */
    Optional<String> fileId() {
        List<String> segments = pathSegments();
        return segments.size() == 4
                        && segments.get(0).equals(WORKSPACES) && isId(segments.get(1))
                        && segments.get(2).equals(FILES) && isId(segments.get(3))
                ? Optional.of(segments.get(3))
                : Optional.empty();
    }

    /** The path's non-empty segments, ignoring any scheme and host, query and fragment. */
    private List<String> pathSegments() {
        String path = href.trim();
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int pathStart = path.indexOf('/', scheme + 3);
            path = pathStart < 0 ? "" : path.substring(pathStart);
        }
        int end = path.length();
        for (char terminator : new char[] {'?', '#'}) {
            int at = path.indexOf(terminator);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return Arrays.stream(path.substring(0, end).split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean isId(String segment) {
        return segment.length() <= 19 && segment.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
