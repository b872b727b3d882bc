package io.logsearch.integrity;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** Signs digests with an Ed25519 private key, naming the key by the id of its public half. */
public final class DigestSigner {

    private final PrivateKey key;
    private final String keyId;

    public DigestSigner(PrivateKey key, PublicKey publicKey) {
        this.key = key;
        this.keyId = SigningKeys.keyId(publicKey);
    }

    public String keyId() {
        return keyId;
    }

    /** The digest with its signature; its {@code keyId} must be this signer's. */
    public PartitionDigest sign(PartitionDigest digest) {
        if (!digest.keyId().equals(keyId)) {
            throw new IllegalArgumentException("the digest names key " + digest.keyId() + ", this key is " + keyId);
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(DigestJson.signedBytes(digest));
            return digest.signed(Base64.getEncoder().encodeToString(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
