package io.logsearch.api.auth;

/**
 * A vendor SDK's access key from the tokens file: its id, the secret requests are signed with, and
 * the caller it stands for (one user pool, its scopes). The secret never appears in {@link #toString}.
 */
public record AccessKey(String id, String secret, Caller caller) {

    @Override
    public String toString() {
        return "AccessKey[id=" + id + ", caller=" + caller.name() + "]";
    }
}
