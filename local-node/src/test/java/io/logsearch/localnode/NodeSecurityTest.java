package io.logsearch.localnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a secured node is told, and where its CA certificate is, without starting one. */
class NodeSecurityTest {

    @Test
    void aSecuredNodeServesHttpsWithTheCertificatesUnderItsConfigDirectory() {
        LocalNode node = LocalNode.secured(NodeSettings.of(19200, Path.of("/srv/node")), "secret-password");
        assertEquals("https://127.0.0.1:19200", node.url());
        assertEquals(Optional.of(Path.of("/srv/node/config/certs/ca/ca.crt")), node.caCertificate());
        assertEquals("true", new NodeSecurity("secret-password").settings().get("xpack.security.http.ssl.enabled"));
        assertEquals("certs/node/node.key", new NodeSecurity("secret-password").settings().get("xpack.security.http.ssl.key"));
    }

    @Test
    void aPlainNodeHasNoCaCertificate() {
        LocalNode node = new LocalNode(NodeSettings.of(19200, Path.of("/srv/node")));
        assertEquals("http://127.0.0.1:19200", node.url());
        assertEquals(Optional.empty(), node.caCertificate());
    }

    @Test
    void aPasswordElasticsearchWouldRefuseIsRefusedFirst() {
        assertEquals("the elastic user's password must be at least 6 characters, as Elasticsearch requires of user passwords",
                assertThrows(IllegalArgumentException.class, () -> new NodeSecurity("short")).getMessage());
    }
}
