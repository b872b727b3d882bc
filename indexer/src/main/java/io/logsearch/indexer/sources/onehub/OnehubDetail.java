package io.logsearch.indexer.sources.onehub;

import java.util.List;
import java.util.Optional;

/**
 * What the markup of an Onehub event {@code detail} says, as decoded plain text.
 *
 * @param sentence   the whole detail without markup, whitespace collapsed
 * @param subject    the first {@code <subject>}: who acted
 * @param predicate  the first {@code <predicate>}: the verb
 * @param complement the first {@code <complement>}, e.g. {@code (7 KB)}
 * @param objects    every outermost {@code <object>}, in order
 */
record OnehubDetail(
        String sentence,
        Optional<String> subject,
        Optional<String> predicate,
        Optional<String> complement,
        List<DetailObject> objects) {

    OnehubDetail {
        objects = List.copyOf(objects);
    }

    /** The first object that links anywhere: the thing the action was done to. */
    Optional<OnehubLink> primaryLink() {
        return objects.stream().flatMap(o -> o.link().stream()).findFirst();
    }

    /** The id of the first workspace an object links to. */
    Optional<String> firstWorkspaceId() {
        return objects.stream().flatMap(o -> o.link().stream()).flatMap(link -> link.workspaceId().stream()).findFirst();
    }

    /** The link of the first object pointing at workspace {@code workspaceId} itself. */
    Optional<OnehubLink> workspaceLink(String workspaceId) {
        return objects.stream()
                .flatMap(o -> o.link().stream())
                .filter(link -> link.workspaceId().filter(workspaceId::equals).isPresent())
                .findFirst();
    }

    /** One {@code <object>}: its whole text ({@code onehub-logo.png File}) and the first link inside it. */
    record DetailObject(String text, Optional<OnehubLink> link) {
    }
}
