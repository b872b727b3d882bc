package io.logsearch.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenPairReadsBackAndThePrivateKeyIsTheOwnersOnly() throws IOException {
        KeyPair pair = SigningKeys.generate();
        SigningKeys.write(pair, dir.resolve("keys"));
        Path privateFile = dir.resolve("keys").resolve(SigningKeys.PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve("keys").resolve(SigningKeys.PUBLIC_KEY_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile)));
        assertTrue(Files.readString(privateFile).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(Files.readString(publicFile).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertEquals(SigningKeys.keyId(pair.getPublic()), SigningKeys.keyId(SigningKeys.readPublic(publicFile)));
        DigestSigner signer = new DigestSigner(SigningKeys.readPrivate(privateFile), SigningKeys.readPublic(publicFile));
        PartitionDigest signed = signer.sign(DigestSigningTest.unsigned(signer.keyId(), "p", 1, PartitionDigest.GENESIS));
        assertTrue(new SignatureCheck(pair.getPublic()).valid(signed));
    }

    @Test
    void existingKeyFilesAreNeverReplaced() throws IOException {
        SigningKeys.write(SigningKeys.generate(), dir);
        String before = Files.readString(dir.resolve(SigningKeys.PRIVATE_KEY_FILE));
        IOException e = assertThrows(IOException.class, () -> SigningKeys.write(SigningKeys.generate(), dir));
        assertEquals(dir.resolve(SigningKeys.PRIVATE_KEY_FILE) + " exists already; move it away to make a new key pair", e.getMessage());
        assertEquals(before, Files.readString(dir.resolve(SigningKeys.PRIVATE_KEY_FILE)));
    }

    @Test
    void aFileThatIsNoKeyIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("k"), "hello");
        IOException e = assertThrows(IOException.class, () -> SigningKeys.readPrivate(file));
        assertEquals(file + " is not a PEM file holding a PRIVATE KEY (-----BEGIN PRIVATE KEY----- … -----END PRIVATE KEY-----)", e.getMessage());
        SigningKeys.write(SigningKeys.generate(), dir.resolve("pair"));
        Path publicAsPrivate = Files.writeString(dir.resolve("swapped"),
                Files.readString(dir.resolve("pair").resolve(SigningKeys.PUBLIC_KEY_FILE)).replace("PUBLIC", "PRIVATE"));
        assertTrue(assertThrows(IOException.class, () -> SigningKeys.readPrivate(publicAsPrivate)).getMessage()
                .startsWith(publicAsPrivate + " is not an Ed25519 private key (PKCS#8)"));
    }
}
