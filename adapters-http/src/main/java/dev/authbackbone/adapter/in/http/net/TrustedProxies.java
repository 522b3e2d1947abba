package dev.authbackbone.adapter.in.http.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The proxies (CIDR blocks, IPv4 and IPv6) whose {@code X-Forwarded-For} is believed. With none,
 * the client is always the socket's peer: the header is whatever a client wants it to be.
 */
public final class TrustedProxies {

    /** Nobody is trusted: the default. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Cidr> blocks;

    private TrustedProxies(List<Cidr> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Reads a comma-separated list such as {@code 10.0.0.0/8, 192.168.1.7, fd00::/8}; an address
     * without a prefix length is that one address. Blank means {@link #NONE}.
     *
     * @throws IllegalArgumentException naming the first entry that is not a CIDR block
     */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<Cidr> blocks = new ArrayList<>();
        for (String entry : list.split(",", -1)) {
            blocks.add(Cidr.parse(entry.strip()));
        }
        return new TrustedProxies(blocks);
    }

    /** Whether {@code address} (an IP literal, as a socket's remote address is) lies in a trusted block. */
    public boolean isTrusted(String address) {
        if (blocks.isEmpty()) {
            return false;
        }
        return Loopback.literal(address).map(this::isTrusted).orElse(false);
    }

    private boolean isTrusted(InetAddress address) {
        return blocks.stream().anyMatch(block -> block.contains(address));
    }

    /**
     * The client behind {@code peer}: the peer itself unless it is trusted; then the right-most
     * {@code X-Forwarded-For} hop that is not trusted (every proxy appends the address it saw, so
     * only the hops our own proxies wrote can be believed), or the left-most hop when all are trusted.
     * Entries that are not IP addresses (garbage, {@code unknown}, obfuscated names) are skipped.
     *
     * @param forwardedFor every {@code X-Forwarded-For} header, in the order received
     */
    public String clientOf(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        List<InetAddress> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hopAddress(hop).ifPresent(hops::add);
            }
        }
        if (hops.isEmpty()) {
            return peer;
        }
        List<InetAddress> rightToLeft = new ArrayList<>(hops);
        Collections.reverse(rightToLeft);
        for (InetAddress hop : rightToLeft) {
            if (!isTrusted(hop)) {
                return hop.getHostAddress();
            }
        }
        return hops.get(0).getHostAddress();
    }

    /** A hop as proxies write it: {@code 203.0.113.7}, {@code 2001:db8::1}, {@code [2001:db8::1]:443}, {@code 203.0.113.7:5000}. */
    private static Optional<InetAddress> hopAddress(String hop) {
        String h = hop.strip();
        if (h.length() > 64) {
            return Optional.empty();
        }
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close < 0 ? Optional.empty() : Loopback.literal(h.substring(0, close + 1));
        }
        int colon = h.indexOf(':');
        if (colon >= 0 && colon == h.lastIndexOf(':')) {
            h = h.substring(0, colon);
        }
        return Loopback.literal(h);
    }

    @Override
    public String toString() {
        return blocks.isEmpty() ? "none" : String.join(",", blocks.stream().map(Cidr::toString).toList());
    }

    /** One block: an address and how many leading bits of it must match. */
    private record Cidr(byte[] network, int prefixLength, String text) {

        static Cidr parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            InetAddress parsed = Loopback.literal(address)
                    .orElseThrow(() -> new IllegalArgumentException("not a CIDR block: \"" + entry + "\""));
            byte[] bytes = parsed.getAddress();
            int max = bytes.length * 8;
            int prefix = max;
            if (slash >= 0) {
                String length = entry.substring(slash + 1);
                if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > max) {
                    throw new IllegalArgumentException("not a CIDR block: \"" + entry + "\" (prefix length 0 to " + max + ")");
                }
                prefix = Integer.parseInt(length);
            }
            return new Cidr(bytes, prefix, entry);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (candidate[full] & mask) == (network[full] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
