package io.logsearch.localnode;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;

/**
 * Elasticsearch refuses to run as root. As root, the node runs as {@code nobody:nogroup} through
 * {@code setpriv}, and owns the directories it writes to.
 */
final class Privileges {

    static final String NODE_USER = "nobody";
    static final String NODE_GROUP = "nogroup";

    private Privileges() {
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The command prefix that drops root, or nothing when not running as root. */
    static List<String> dropPrefix() {
        if (!runningAsRoot()) {
            return List.of();
        }
        return List.of("setpriv", "--reuid=" + NODE_USER, "--regid=" + NODE_GROUP, "--clear-groups");
    }

    /** As root, hands {@code dir} and everything in it to the node user. */
    static void giveToNodeUser(Path dir) throws IOException {
        if (!runningAsRoot()) {
            return;
        }
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName(NODE_USER);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(NODE_GROUP);
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                own(d);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                own(file);
                return FileVisitResult.CONTINUE;
            }

            private void own(Path p) throws IOException {
                PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                view.setOwner(user);
                view.setGroup(group);
            }
        });
    }

    /**
     * As root, fails with a clear message when the node user cannot reach {@code dir} because a
     * parent directory is closed to others (root's home directory, mode 700, is the usual case).
     */
    static void checkReachableByNodeUser(Path dir) throws IOException {
        if (!runningAsRoot()) {
            return;
        }
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new LocalNodeException("the node runs as '" + NODE_USER + "', which cannot enter " + p
                            + " (mode " + java.nio.file.attribute.PosixFilePermissions.toString(perms) + "); choose a directory "
                            + dir.getFileName() + " outside it, e.g. under /var/lib/logsearch");
                }
            }
        }
    }
}
