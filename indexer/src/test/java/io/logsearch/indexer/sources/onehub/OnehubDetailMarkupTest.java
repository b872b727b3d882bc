package io.logsearch.indexer.sources.onehub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logsearch.indexer.sources.onehub.OnehubDetail.DetailObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OnehubDetailMarkupTest {

    @Test
    void documentedDetailSplitsIntoItsParts() {
        OnehubDetail detail = DetailMarkup.parse("<subject>Matthew Anderson</subject> <predicate>viewed</predicate> the "
                + "<object><a href=\"/workspaces/4137/files/849607\">onehub-logo.png</a> File</object> "
                + "<complement>(7 KB)</complement> in the <object><a href=\"/workspaces/4137\">Testing the API</a> Workspace</object>");

        assertEquals("Matthew Anderson viewed the onehub-logo.png File (7 KB) in the Testing the API Workspace", detail.sentence());
        assertEquals(Optional.of("Matthew Anderson"), detail.subject());
        assertEquals(Optional.of("viewed"), detail.predicate());
        assertEquals(Optional.of("(7 KB)"), detail.complement());
        assertEquals(List.of(
                        new DetailObject("onehub-logo.png File",
                                Optional.of(new OnehubLink("/workspaces/4137/files/849607", "onehub-logo.png"))),
                        new DetailObject("Testing the API Workspace",
                                Optional.of(new OnehubLink("/workspaces/4137", "Testing the API")))),
                detail.objects());
        assertEquals(Optional.of("4137"), detail.firstWorkspaceId());
        assertEquals(Optional.of("/workspaces/4137/files/849607"), detail.primaryLink().map(OnehubLink::href));
        assertEquals(Optional.of("Testing the API"), detail.workspaceLink("4137").map(OnehubLink::name));
        assertEquals(Optional.empty(), detail.workspaceLink("4138"));
    }

    @Test
    void onlyTheFirstElementOfARoleCounts() {
        OnehubDetail detail = DetailMarkup.parse("<predicate>viewed</predicate> and <predicate>shared</predicate>"
                + " <subject>A</subject> <subject>B</subject>");
        assertEquals(Optional.of("viewed"), detail.predicate());
        assertEquals(Optional.of("A"), detail.subject());
        assertEquals("viewed and shared A B", detail.sentence());
    }

    @Test
    void objectsNestedInAnObjectBelongToTheOutermost() {
        OnehubDetail detail = DetailMarkup.parse("<object>outer <object><a href=\"/workspaces/1/files/2\">inner</a></object> "
                + "<a href=\"/workspaces/9\">second link</a></object>");
        assertEquals(List.of(new DetailObject("outer inner second link",
                        Optional.of(new OnehubLink("/workspaces/1/files/2", "inner")))),
                detail.objects());
    }

    @Test
    void linksOutsideObjectsAndWithoutHrefAreNotLinks() {
        OnehubDetail detail = DetailMarkup.parse("<a href=\"/workspaces/1\">loose</a> <object><a name=x>anchor</a> <a href=\"/workspaces/3\">w</a></object>");
        assertEquals(List.of(new DetailObject("anchor w", Optional.of(new OnehubLink("/workspaces/3", "w")))),
                detail.objects());
    }

    @Test
    void emptyAndTextOnlyDetailsHaveNoParts() {
        assertEquals(new OnehubDetail("", Optional.empty(), Optional.empty(), Optional.empty(), List.of()),
                DetailMarkup.parse(""));
        assertEquals(new OnehubDetail("just text & more", Optional.empty(), Optional.empty(), Optional.empty(), List.of()),
                DetailMarkup.parse("  just \t text\n&amp; more "));
    }

    @Test
    void commentsDeclarationsAndVoidElementsAddNoText() {
        OnehubDetail detail = DetailMarkup.parse("<?xml version=\"1.0\"?><!DOCTYPE x><predicate>view<br>ed<img src=x/></predicate>"
                + "<!-- <subject>hidden</subject> -->");
        assertEquals(Optional.of("viewed"), detail.predicate());
        assertEquals(Optional.empty(), detail.subject());
        assertEquals("viewed", detail.sentence());
    }

    @Test
    void unterminatedCommentIsText() {
        assertEquals("<!-- open <predicate>", DetailMarkup.parse("<!-- open &lt;predicate>").sentence());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a href=\"/x\"                  | /x",
            "a HREF='/y'                    | /y",
            "a class=c href=/z title=t      | /z",
            "a title=\"href=/no\" href=\"/w\" | /w",
            "a href = \"/spaced\"           | /spaced",
            "a href=\"/a?b=1&amp;c=2\"      | /a?b=1&c=2",
            "a href=\"/unclosed             | /unclosed",
    })
    void hrefIsReadFromAnyAttributeSpelling(String tag, String href) {
        assertEquals(Optional.of(href), Attributes.value(tag, "href"));
    }

    @Test
    void missingHrefIsEmpty() {
        assertEquals(Optional.empty(), Attributes.value("a hrefx=\"/x\" checked data-href=/y", "href"));
        assertEquals(Optional.empty(), Attributes.value("a href", "href"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/workspaces/4137                  | 4137 | ",
            "/workspaces/4137/                 | 4137 | ",
            "https://ws.onehub.com/workspaces/5 | 5    | ",
            "/workspaces/4137/files/849607     |      | 849607",
            "/workspaces/4137/files/849607#x   |      | 849607",
            "/workspaces/4137/folders/849607   |      | ",
            "/workspaces/abc                   |      | ",
            "/workspaces/4137/files/1/versions |      | ",
            "javascript:alert(1)               |      | ",
    })
    void linksAreClassifiedByTheirPath(String href, String workspaceId, String fileId) {
        OnehubLink link = new OnehubLink(href, "name");
        assertEquals(Optional.ofNullable(workspaceId), link.workspaceId());
        assertEquals(Optional.ofNullable(fileId), link.fileId());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "&amp;                    | &",
            "&amp;amp;                | &amp;",
            "&lt;script&gt;           | <script>",
            "&quot;&apos;&#39;&#x27;  | \"'''",
            "&#169;&#xA9;&#XA9;&copy; | ©©©©",
            "&#x1F600;                | \uD83D\uDE00",
            "&eacute;                 | &eacute;",
            "&bogus; &amp             | &bogus; &amp",
            "& alone && &;            | & alone && &;",
            "&#0;&#xD800;&#x110000;   | &#0;&#xD800;&#x110000;",
            "&#xZZ;&#;&#x;            | &#xZZ;&#;&#x;",
            "&#99999999999;           | &#99999999999;",
            "a&amp;b&lt;c             | a&b<c",
    })
    void entitiesAreDecodedOnce(String encoded, String decoded) {
        assertEquals(decoded, HtmlEntities.decode(encoded));
    }
}
