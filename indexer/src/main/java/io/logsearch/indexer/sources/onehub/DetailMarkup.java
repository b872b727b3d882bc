package io.logsearch.indexer.sources.onehub;

import io.logsearch.indexer.sources.onehub.OnehubDetail.DetailObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the markup of an Onehub detail in one left-to-right pass, in time linear in its length,
 * whatever it holds: unknown, unclosed or stray tags, a {@code <} that starts no tag, comments.
 * Nothing is interpreted beyond the elements Onehub uses ({@code subject}, {@code predicate},
 * {@code object}, {@code complement}, {@code a}); the text of any other element is kept as text.
 */
final class DetailMarkup {

    private static final String SUBJECT = "subject";
    private static final String PREDICATE = "predicate";
    private static final String COMPLEMENT = "complement";
    private static final String OBJECT = "object";
    private static final String LINK = "a";
    private static final Set<String> VOID_ELEMENTS = Set.of("br", "hr", "img", "input", "meta", "link", "wbr");

    private final String markup;
    private final int lastGreaterThan;
    private final int lastCommentEnd;
    private final StringBuilder sentence = new StringBuilder();
    private final Map<String, StringBuilder> firstOfRole = new HashMap<>();
    private final List<DetailObject> objects = new ArrayList<>();
    private final Deque<OpenElement> open = new ArrayDeque<>();
    private final Map<String, Integer> openCounts = new HashMap<>();
    private final List<StringBuilder> receivingText = new ArrayList<>();
    private Optional<ObjectInProgress> object = Optional.empty();

    private DetailMarkup(String markup) {
        this.markup = markup;
        this.lastGreaterThan = markup.lastIndexOf('>');
        this.lastCommentEnd = markup.lastIndexOf("-->");
    }

    static OnehubDetail parse(String markup) {
        return new DetailMarkup(markup).read();
    }

    private OnehubDetail read() {
        int position = 0;
        while (position < markup.length()) {
            int lessThan = markup.indexOf('<', position);
            if (lessThan < 0) {
                text(markup.substring(position));
                break;
            }
            text(markup.substring(position, lessThan));
            int end = markupEnd(lessThan);
            if (end < 0) {
                text("<");
                position = lessThan + 1;
            } else {
                if (markup.charAt(lessThan + 1) != '!' && markup.charAt(lessThan + 1) != '?') {
                    tag(markup.substring(lessThan + 1, end - 1));
                }
                position = end;
            }
        }
        while (!open.isEmpty()) {
            close(open.pop());
        }
        return new OnehubDetail(
                collapseWhitespace(sentence),
                role(SUBJECT),
                role(PREDICATE),
                role(COMPLEMENT),
                objects);
    }

    /**
     * Where the tag, comment or declaration starting at {@code lessThan} ends (exclusive), or -1 when
     * that {@code <} is just text. Each search either consumes what it scanned or is ruled out by the
     * precomputed last {@code >} / {@code -->}, which keeps the whole pass linear.
     */
    private int markupEnd(int lessThan) {
        if (lessThan + 1 >= markup.length()) {
            return -1;
        }
        char next = markup.charAt(lessThan + 1);
        if (markup.startsWith("<!--", lessThan)) {
            return lessThan + 4 <= lastCommentEnd ? markup.indexOf("-->", lessThan + 4) + 3 : -1;
        }
        boolean startsTag = Character.isLetter(next)
                || next == '!' || next == '?'
                || (next == '/' && lessThan + 2 < markup.length() && Character.isLetter(markup.charAt(lessThan + 2)));
        return startsTag && lessThan < lastGreaterThan ? markup.indexOf('>', lessThan) + 1 : -1;
    }

    private void tag(String inside) {
        if (inside.startsWith("/")) {
            String name = nameOf(inside.substring(1));
            if (openCounts.getOrDefault(name, 0) > 0) {
                OpenElement closed;
                do {
                    closed = open.pop();
                    close(closed);
                } while (!closed.name().equals(name));
            }
            return;
        }
        String name = nameOf(inside);
        if (VOID_ELEMENTS.contains(name) || inside.endsWith("/")) {
            return;
        }
        List<StringBuilder> sinks = new ArrayList<>();
        boolean startsObject = false;
        if ((name.equals(SUBJECT) || name.equals(PREDICATE) || name.equals(COMPLEMENT)) && !firstOfRole.containsKey(name)) {
            StringBuilder roleText = new StringBuilder();
            firstOfRole.put(name, roleText);
            sinks.add(roleText);
        } else if (name.equals(OBJECT) && object.isEmpty()) {
            ObjectInProgress started = new ObjectInProgress();
            object = Optional.of(started);
            sinks.add(started.text);
            startsObject = true;
        } else if (name.equals(LINK) && object.isPresent() && object.get().href.isEmpty()) {
            Optional<String> href = Attributes.value(inside, "href");
            href.ifPresent(h -> {
                object.get().href = Optional.of(h);
                sinks.add(object.get().linkText);
            });
        }
        receivingText.addAll(sinks);
        openCounts.merge(name, 1, Integer::sum);
        open.push(new OpenElement(name, sinks, startsObject));
    }

    private void close(OpenElement element) {
        openCounts.merge(element.name(), -1, Integer::sum);
        element.sinks().forEach(receivingText::remove);
        if (element.startsObject()) {
            ObjectInProgress finished = object.orElseThrow();
            objects.add(new DetailObject(
                    collapseWhitespace(finished.text),
                    finished.href.map(href -> new OnehubLink(href, collapseWhitespace(finished.linkText)))));
            object = Optional.empty();
        }
    }

    private void text(String raw) {
        if (raw.isEmpty()) {
            return;
        }
        String decoded = HtmlEntities.decode(raw);
        sentence.append(decoded);
        receivingText.forEach(sink -> sink.append(decoded));
    }

    private Optional<String> role(String name) {
        return Optional.ofNullable(firstOfRole.get(name)).map(DetailMarkup::collapseWhitespace).filter(s -> !s.isEmpty());
    }

    private static String nameOf(String tagInside) {
        int end = 0;
        while (end < tagInside.length() && (Character.isLetterOrDigit(tagInside.charAt(end)) || tagInside.charAt(end) == '-')) {
            end++;
        }
        return tagInside.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static String collapseWhitespace(CharSequence text) {
        StringBuilder collapsed = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = collapsed.length() > 0;
            } else {
                if (pendingSpace) {
                    collapsed.append(' ');
                    pendingSpace = false;
                }
                collapsed.append(c);
            }
        }
        return collapsed.toString();
    }

    /** An element still open, and the text buffers it made receive text until it closes. */
    private record OpenElement(String name, List<StringBuilder> sinks, boolean startsObject) {
    }

    private static final class ObjectInProgress {
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder linkText = new StringBuilder();
        private Optional<String> href = Optional.empty();
    }
}
