package io.logsearch.cli;

import io.logsearch.integrity.SigningKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "keys", description = "Manage the Ed25519 key pair that signs partition digests.",
        subcommands = KeysCommand.Generate.class)
final class KeysCommand {

    @Command(name = "generate", description = {
            "Write a new Ed25519 key pair into DIR: " + SigningKeys.PRIVATE_KEY_FILE + " (PKCS#8 PEM, mode 0600)"
                    + " and " + SigningKeys.PUBLIC_KEY_FILE + " (X.509 PEM). Existing files are never replaced.",
            "Keep the private key off the Elasticsearch hosts; verifying needs only the public key."})
    static final class Generate implements Callable<Integer> {
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The directory to write the two files into (created when missing).")
        Path out;

        @Override
        public Integer call() throws IOException {
            KeyPair pair = SigningKeys.generate();
            SigningKeys.write(pair, out);
            System.out.println("Wrote " + out.resolve(SigningKeys.PRIVATE_KEY_FILE) + " and "
                    + out.resolve(SigningKeys.PUBLIC_KEY_FILE) + " (key id " + SigningKeys.keyId(pair.getPublic()) + ")");
            return ExitCodes.OK;
        }
    }
}
