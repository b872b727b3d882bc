package io.logsearch.api.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's TLS identity from PEM files: a certificate chain (the server's certificate first)
 * and its private key, unencrypted PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY})
 * or SEC 1 ({@code EC PRIVATE KEY}), as {@code openssl} and {@code elasticsearch-certutil} write
 * them. Held as an in-memory key store for Jetty.
 */
public final class TlsIdentity {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    private static final String ALIAS = "server";

    private final KeyStore keyStore;
    private final String password;

    private TlsIdentity(KeyStore keyStore, String password) {
        this.keyStore = keyStore;
        this.password = password;
    }

    /** @throws IllegalArgumentException naming the file and what is wrong with it */
    public static TlsIdentity read(Path certificateChain, Path privateKey) {
        List<X509Certificate> chain = certificates(certificateChain);
        PrivateKey key = privateKey(privateKey);
        requirePair(chain.get(0), key, certificateChain, privateKey);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getEncoder().encodeToString(random);
            store.setKeyEntry(ALIAS, key, password.toCharArray(), chain.toArray(Certificate[]::new));
            return new TlsIdentity(store, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot hold the key of " + privateKey + " for TLS: " + e.getMessage(), e);
        }
    }

    KeyStore keyStore() {
        return keyStore;
    }

    String password() {
        return password;
    }

    private static List<X509Certificate> certificates(Path file) {
        List<byte[]> blocks = blocks(file, "CERTIFICATE");
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("TLS certificate file " + file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : blocks) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("TLS certificate file " + file + " holds a damaged certificate: " + e.getMessage(), e);
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file) {
        String text = read(file, "TLS key file");
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            byte[] der = decode(block.group(2), file);
            switch (block.group(1)) {
                case "PRIVATE KEY":
                    return pkcs8(der, file);
                case "RSA PRIVATE KEY":
                    return pkcs8(Der.rsaToPkcs8(der), file);
                case "EC PRIVATE KEY":
                    return pkcs8(Der.ecToPkcs8(der, file), file);
                case "ENCRYPTED PRIVATE KEY":
                    throw new IllegalArgumentException("TLS key file " + file + " holds an encrypted key; give it unencrypted"
                            + " (openssl pkey -in " + file + " -out key.pem) and readable by its owner only");
                default:
                    // certificates or parameters next to the key
            }
        }
        throw new IllegalArgumentException("TLS key file " + file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----,"
                + " RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    private static PrivateKey pkcs8(byte[] der, Path file) {
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (InvalidKeySpecException e) {
                // another algorithm's key
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("TLS key file " + file + " holds a damaged or unsupported private key (RSA, EC and Ed25519 are read)");
    }

    /** Signing a probe with the key and checking it with the certificate is the one test of a pair that fits every algorithm. */
    private static void requirePair(X509Certificate certificate, PrivateKey key, Path certificateFile, Path keyFile) {
        PublicKey publicKey = certificate.getPublicKey();
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        boolean pair;
        try {
            byte[] probe = "logsearch".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            pair = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            pair = false;
        }
        if (!pair) {
            throw new IllegalArgumentException("TLS key file " + keyFile + " does not hold the private key of the first certificate in "
                    + certificateFile + " (" + certificate.getSubjectX500Principal().getName() + ")");
        }
    }

    private static List<byte[]> blocks(Path file, String type) {
        Matcher block = BLOCK.matcher(read(file, "TLS certificate file"));
        List<byte[]> found = new ArrayList<>();
        while (block.find()) {
            if (block.group(1).equals(type)) {
                found.add(decode(block.group(2), file));
            }
        }
        return found;
    }

    private static byte[] decode(String base64, Path file) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " holds a damaged PEM block: " + e.getMessage(), e);
        }
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(what + " " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    /** Just enough DER to wrap PKCS#1 and SEC 1 keys into PKCS#8, which the JDK reads. */
    private static final class Der {

        private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
        private static final byte[] EC_PUBLIC_KEY_OID = hex("06072a8648ce3d0201");

        static byte[] rsaToPkcs8(byte[] pkcs1) {
            return sequence(hex("020100"), RSA_ALGORITHM, tlv(0x04, pkcs1));
        }

        /** ECPrivateKey ::= SEQUENCE { version, privateKey OCTET STRING, [0] curve OID, [1] public key }. */
        static byte[] ecToPkcs8(byte[] sec1, Path file) {
            int[] outer = header(sec1, 0, 0x30, file);
            int at = outer[0];
            int end = outer[0] + outer[1];
            while (at < end) {
                int[] element = header(sec1, at, -1, file);
                if ((sec1[at] & 0xff) == 0xa0) {
                    int[] oid = header(sec1, element[0], 0x06, file);
                    byte[] curve = Arrays.copyOfRange(sec1, element[0], oid[0] + oid[1]);
                    return sequence(hex("020100"), sequence(EC_PUBLIC_KEY_OID, curve), tlv(0x04, sec1));
                }
                at = element[0] + element[1];
            }
            throw new IllegalArgumentException("TLS key file " + file + " holds an EC key that does not name its curve");
        }

        /** The content's start and length of the element at {@code at}, which must have {@code tag} (any with -1). */
        private static int[] header(byte[] der, int at, int tag, Path file) {
            if (at + 2 > der.length || (tag >= 0 && (der[at] & 0xff) != tag)) {
                throw new IllegalArgumentException("TLS key file " + file + " holds a damaged private key");
            }
            int length = der[at + 1] & 0xff;
            int start = at + 2;
            if (length > 0x80) {
                int bytes = length - 0x80;
                length = 0;
                for (int i = 0; i < bytes && start < der.length; i++) {
                    length = (length << 8) | (der[start++] & 0xff);
                }
            }
            if (length < 0 || start + length > der.length) {
                throw new IllegalArgumentException("TLS key file " + file + " holds a damaged private key");
            }
            return new int[] {start, length};
        }

        private static byte[] sequence(byte[]... parts) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            for (byte[] part : parts) {
                content.writeBytes(part);
            }
            return tlv(0x30, content.toByteArray());
        }

        private static byte[] tlv(int tag, byte[] content) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(tag);
            int length = content.length;
            if (length < 0x80) {
                out.write(length);
            } else {
                int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
                out.write(0x80 | bytes);
                for (int i = bytes - 1; i >= 0; i--) {
                    out.write(length >>> (8 * i));
                }
            }
            out.writeBytes(content);
            return out.toByteArray();
        }

        private static byte[] hex(String hex) {
            return HexFormat.of().parseHex(hex);
        }
    }
}
