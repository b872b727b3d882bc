package io.logsearch.localnode;

import java.nio.file.Path;

/**
 * Where logsearch keeps the unpacked distribution and the default node directory: under
 * {@code /var/lib/logsearch} for root (whose home directory the unprivileged node user cannot
 * reach), otherwise under {@code $XDG_DATA_HOME/logsearch} or {@code ~/.local/share/logsearch}.
 * {@code LOGSEARCH_HOME} overrides both.
 */
public final class Home {

    private Home() {
    }

    public static Path directory() {
        String explicit = System.getenv("LOGSEARCH_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        if (Privileges.runningAsRoot()) {
            return Path.of("/var/lib/logsearch");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path dataHome = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return dataHome.resolve("logsearch");
    }

    public static Path defaultNodeDir() {
        return directory().resolve("node");
    }

    static Path distributions() {
        return directory().resolve("dist");
    }
}
