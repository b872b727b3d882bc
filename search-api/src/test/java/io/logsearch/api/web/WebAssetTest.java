package io.logsearch.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WebAssetTest {

    @Test
    void everyListedAssetIsOnTheClasspath() {
        WebAsset.NAMES.forEach(WebAsset::new);
    }

    @Test
    void everyModuleTheScriptsImportIsListed() throws IOException {
        Pattern imports = Pattern.compile("from '\\./([a-z]+\\.js)'");
        for (String name : WebAsset.NAMES.stream().filter(n -> n.endsWith(".js")).toList()) {
            Matcher m = imports.matcher(read("ui/" + name));
            while (m.find()) {
                assertTrue(WebAsset.NAMES.contains(m.group(1)), name + " imports " + m.group(1) + ", which is not served");
            }
        }
    }

    @Test
    void thePageLoadsItsFilesUnderThePrefix() throws IOException {
        String page = read("index.html");
        assertTrue(page.contains("href=\"{{prefix}}/ui/style.css\"") && page.contains("src=\"{{prefix}}/ui/app.js\""), page);
        assertTrue(Pattern.compile("(src|href)=\"(https?:)?//").matcher(page).results().findAny().isEmpty(),
                "no CDN: nothing is loaded from another origin");
    }

    @Test
    void anythingElseIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WebAsset("../openapi.yaml"));
        assertEquals("not a web page asset: ../openapi.yaml", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WebAsset("secret.js"));
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = WebAsset.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
