package io.logsearch.poller;

/** The vendor refused the credential (401 or 403): the source stops; the message names the credential, never its value. */
public final class CredentialRefusedException extends RuntimeException {

    public CredentialRefusedException(String source, String credential, int status, String url) {
        super(source + " refused " + credential + " (HTTP " + status + " from " + url + "); polling " + source + " stops");
    }
}
