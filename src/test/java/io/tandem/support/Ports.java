package io.tandem.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Free TCP ports of this machine, for the servers tests start (Redis, Tandem processes). */
public final class Ports {

    private Ports() {}

    /** A port nothing listens on right now (the OS's pick). */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
