package io.logsearch.localnode;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** As root, the node user gets the node's own directories and nothing else. */
class PrivilegesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void onlyAsRoot() {
        assumeTrue(Privileges.runningAsRoot(), "ownership changes happen only as root");
    }

    @Test
    void onlyTheNodesDirectoriesChangeHands() throws IOException {
        NodeDirectory node = new NodeDirectory(dir.resolve("node"));
        Files.createDirectories(node.root().resolve("notes"));
        Path userFile = Files.writeString(node.root().resolve("notes/todo.txt"), "mine");
        Path otherFile = Files.writeString(node.root().resolve("README"), "mine too");
        for (Path owned : node.nodeOwned()) {
            Files.createDirectories(owned.resolve("sub"));
            Files.writeString(owned.resolve("sub/file"), "node's");
        }

        Privileges.giveToNodeUser(node);

        for (Path owned : node.nodeOwned()) {
            assertEquals(Privileges.NODE_USER, owner(owned), owned.toString());
            assertEquals(Privileges.NODE_USER, owner(owned.resolve("sub/file")), owned.toString());
            assertEquals(Privileges.NODE_GROUP, group(owned.resolve("sub/file")), owned.toString());
        }
        for (Path untouched : new Path[] {node.root(), node.root().resolve("notes"), userFile, otherFile}) {
            assertEquals("root", owner(untouched), untouched.toString());
        }
    }

    @Test
    void aClosedNodeDirectoryOrParentIsAClearError() throws IOException {
        Path closed = Files.createDirectory(dir.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

        LocalNodeException self = assertThrows(LocalNodeException.class, () -> Privileges.checkReachableByNodeUser(closed));
        assertEquals("the node runs as 'nobody', which cannot enter " + closed + " (mode rwx------); allow it (chmod o+x " + closed
                + ") or choose another directory", self.getMessage());

        LocalNodeException parent = assertThrows(LocalNodeException.class, () -> Privileges.checkReachableByNodeUser(closed.resolve("node")));
        assertTrue(parent.getMessage().contains("cannot enter " + closed + " (mode rwx------); choose a directory outside it"), parent.getMessage());
    }

    @Test
    void aDirectoryTheNodeUserOwnsOrOthersMayEnterIsReachable() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-x--x"));
        assertDoesNotThrow(() -> Privileges.checkReachableByNodeUser(open.resolve("node")));

        Path nodeUsers = Files.createDirectory(dir.resolve("nobodys"));
        Files.setPosixFilePermissions(nodeUsers, PosixFilePermissions.fromString("rwx------"));
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        Files.getFileAttributeView(nodeUsers, PosixFileAttributeView.class).setOwner(lookup.lookupPrincipalByName(Privileges.NODE_USER));
        assertDoesNotThrow(() -> Privileges.checkReachableByNodeUser(nodeUsers));
    }

    private static String owner(Path p) throws IOException {
        return Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes().owner().getName();
    }

    private static String group(Path p) throws IOException {
        return Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes().group().getName();
    }
}
