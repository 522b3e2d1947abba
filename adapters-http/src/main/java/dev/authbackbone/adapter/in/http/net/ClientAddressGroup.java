package dev.authbackbone.adapter.in.http.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which client addresses count as one client for the per-address limits: an IPv4 address on its
 * own, an IPv6 address together with the rest of its /64. One host usually holds a whole /64 (a
 * router hands out the prefix and the host picks its addresses), so counting IPv6 addresses one
 * by one would give it a fresh allowance for every request and every connection. The rate limits
 * and the connection cap both key on this, so that they count the same clients.
 */
public final class ClientAddressGroup {

    private ClientAddressGroup() {
    }

    /** The group of {@code address}: its text for IPv4, {@code v6:} and the /64 prefix in hex for IPv6. */
    public static String of(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            StringBuilder prefix = new StringBuilder("v6:");
            for (int i = 0; i < 8; i++) {
                prefix.append(String.format("%02x", bytes[i] & 0xff));
            }
            return prefix.toString();
        }
        return address.getHostAddress();
    }

    /**
     * The group of an address written as text (as a request's client address is), bracketed or with
     * a zone or not; {@code unknown} for none, and the text itself when it is no address literal.
     */
    public static String of(String clientAddress) {
        if (clientAddress == null || clientAddress.isEmpty()) {
            return "unknown";
        }
        if (clientAddress.indexOf(':') < 0) {
            return clientAddress;
        }
        String literal = clientAddress.startsWith("[") && clientAddress.endsWith("]")
                ? clientAddress.substring(1, clientAddress.length() - 1)
                : clientAddress;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        try {
            // A literal with a colon is parsed, never looked up in DNS.
            return of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return clientAddress;
        }
    }
}
