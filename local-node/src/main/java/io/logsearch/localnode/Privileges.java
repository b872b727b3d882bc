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
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
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

    /**
     * As root, hands the directories the node writes to, and what is in them, to the node user.
     * Only those: the node directory itself and anything else a user keeps in it stay theirs.
     */
    static void giveToNodeUser(NodeDirectory directory) throws IOException {
        if (!runningAsRoot()) {
            return;
        }
        UserPrincipalLookupService lookup = directory.root().getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName(NODE_USER);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(NODE_GROUP);
        for (Path dir : directory.nodeOwned()) {
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
    }

    /**
     * As root, fails with a clear message when the node user cannot reach {@code dir} because it or
     * a parent directory is closed to that user (root's home directory, mode 700, is the usual case).
     */
    static void checkReachableByNodeUser(Path dir) throws IOException {
        if (!runningAsRoot()) {
            return;
        }
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p) && !nodeUserCanEnter(p)) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                throw new LocalNodeException("the node runs as '" + NODE_USER + "', which cannot enter " + p + " (mode " + mode + "); "
                        + (p.equals(dir) ? "allow it (chmod o+x " + p + ") or choose another directory"
                                : "choose a directory outside it, e.g. under /var/lib/logsearch"));
            }
        }
    }

    /** The kernel's rule: the owner's bits for the owner, else the group's for the group, else the others'. */
    private static boolean nodeUserCanEnter(Path dir) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class);
        Set<PosixFilePermission> perms = attributes.permissions();
        if (NODE_USER.equals(attributes.owner().getName())) {
            return perms.contains(PosixFilePermission.OWNER_EXECUTE);
        }
        if (NODE_GROUP.equals(attributes.group().getName())) {
            return perms.contains(PosixFilePermission.GROUP_EXECUTE);
        }
        return perms.contains(PosixFilePermission.OTHERS_EXECUTE);
    }
}
