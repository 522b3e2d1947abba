package dev.authbackbone.domain.email;

/** Bad input: the text given is not an address this service accepts; {@link #reason()} says why. */
public final class InvalidEmailAddressException extends IllegalArgumentException {

    private final String reason;

    InvalidEmailAddressException(String reason) {
        super("email: " + reason);
        this.reason = reason;
    }

    /** A sentence a client can be shown. It never repeats the input, which may hold control characters. */
    public String reason() {
        return reason;
    }
}
