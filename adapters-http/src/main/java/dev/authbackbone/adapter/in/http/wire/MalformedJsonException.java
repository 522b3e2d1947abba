package dev.authbackbone.adapter.in.http.wire;

/** A request body is not one well-formed UTF-8 JSON text; says where and, briefly, why. */
public final class MalformedJsonException extends Exception {

    private final long offset;
    private final String reason;

    MalformedJsonException(long offset, String reason) {
        super(reason + " at " + offset, null, false, false);
        this.offset = offset;
        this.reason = reason;
    }

    /** Character offset into the body (byte offset when the bytes were not UTF-8). */
    public long offset() {
        return offset;
    }

    /** A short, stable phrase that never quotes the input. */
    public String reason() {
        return reason;
    }
}
