package io.logsearch.integrity;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;

/** Checks digests' signatures against one Ed25519 public key. */
public final class SignatureCheck {

    private final PublicKey key;
    private final String keyId;

    public SignatureCheck(PublicKey key) {
        this.key = key;
        this.keyId = SigningKeys.keyId(key);
    }

    public String keyId() {
        return keyId;
    }

    /** True when the digest names this key and its signature is this key's over its signed bytes. */
    public boolean valid(PartitionDigest digest) {
        if (!digest.keyId().equals(keyId)) {
            return false;
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(digest.signature());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(DigestJson.signedBytes(digest));
            return signature.verify(signatureBytes);
        } catch (SignatureException malformed) {
            return false;
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("not an Ed25519 public key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 verification failed", e);
        }
    }
}
