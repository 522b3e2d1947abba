package dev.authbackbone.adapter.in.http;

import java.net.BindException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/**
 * The server could not listen where its settings say, with the reason in words: the web framework
 * reports every such failure as a port already in use, which sends an operator whose host name
 * does not resolve looking for another process.
 */
public final class CannotListenException extends RuntimeException {

    private final boolean hostAtFault;

    private CannotListenException(String message, boolean hostAtFault, Throwable cause) {
        super(message, cause);
        this.hostAtFault = hostAtFault;
    }

    /** Whether the host setting is at fault (it does not resolve, or is no address of this machine); otherwise the port. */
    public boolean hostAtFault() {
        return hostAtFault;
    }

    static CannotListenException of(String host, int port, Throwable failure) {
        String where = "cannot listen on " + host + ":" + port + ": ";
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnresolvedAddressException) {
                return new CannotListenException(where + "the host name does not resolve", true, failure);
            }
            if (t instanceof BindException) {
                String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                if (message.contains("assign requested address")) {
                    return new CannotListenException(where + "it is not an address of this machine", true, failure);
                }
                if (message.contains("already in use")) {
                    return new CannotListenException(where + "another process is listening on that port", false, failure);
                }
                if (message.contains("permission denied")) {
                    return new CannotListenException(where + "the port needs privileges this process does not have", false,
                            failure);
                }
            }
        }
        return new CannotListenException(where + "the operating system refused", false, failure);
    }
}
