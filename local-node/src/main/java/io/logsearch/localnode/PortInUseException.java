package io.logsearch.localnode;

/** A port the node needs is taken; the caller knows which of its flags chooses another. */
public final class PortInUseException extends LocalNodeException {

    private static final long serialVersionUID = 1L;

    PortInUseException(String what, int port) {
        super(what + " port " + port + " on 127.0.0.1 is already in use");
    }
}
