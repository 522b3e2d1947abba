package dev.authbackbone.adapter.in.http.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding of request bytes: malformed sequences, overlong forms and encoded surrogates are refused. */
public final class Utf8 {

    private Utf8() {}

    /**
     * Decodes {@code bytes}, refusing anything that is not well-formed UTF-8 (Java's decoder, set to
     * report, rejects overlong forms and encoded surrogates; the lenient default would put U+FFFD in).
     */
    public static String decode(byte[] bytes) throws InvalidUtf8Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new InvalidUtf8Exception(in.position());
        }
        return out.flip().toString();
    }

    /** The bytes are not UTF-8; {@link #offset()} is where the first bad sequence starts. */
    public static final class InvalidUtf8Exception extends Exception {

        private final int offset;

        InvalidUtf8Exception(int offset) {
            super("invalid UTF-8 at byte " + offset, null, false, false);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }
}
