package io.logsearch.api.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/** Files holding credentials (tokens, the cursor secret, the TLS key) must be the owner's alone. */
public final class SecretFiles {

    private static final Set<PosixFilePermission> OPEN = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private SecretFiles() {
    }

    /**
     * Refuses {@code file} when its group or others may read or change it. A file system without
     * POSIX permissions has nothing to check.
     *
     * @param what the option or setting that names the file, e.g. {@code --tokens}
     * @throws IllegalArgumentException naming the file, its mode and the fix
     */
    public static void requireOwnerOnly(Path file, String what) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            return;
        }
        Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
        Set<PosixFilePermission> open = EnumSet.copyOf(OPEN);
        open.retainAll(permissions);
        if (!open.isEmpty()) {
            throw new IllegalArgumentException(what + " " + file + " holds secrets but other users may "
                    + (open.stream().anyMatch(p -> p.name().endsWith("READ")) ? "read" : "change") + " it (mode "
                    + PosixFilePermissions.toString(permissions) + "): make it readable by its owner only (chmod 600 " + file + ")");
        }
    }
}
