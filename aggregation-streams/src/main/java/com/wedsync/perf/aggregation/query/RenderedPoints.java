package com.wedsync.perf.aggregation.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The points of an answer as one JSON array already encoded as UTF-8: copied into the response as it is, so a
 * day-long series that 50 dashboards ask for is turned into JSON bytes once per {@link RecentPoints#FRESHNESS} and
 * range, not once per request.
 *
 * @param json the array, {@code [ … ]}
 * @param size how many points it holds
 */
@JsonSerialize(using = RenderedPoints.Writer.class)
public record RenderedPoints(byte[] json, int size) {

    /** The array of these rendered points. */
    static RenderedPoints of(List<String> points) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(points.size() * 320 + 2);
        out.write('[');
        for (int i = 0; i < points.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(points.get(i).getBytes(StandardCharsets.UTF_8));
        }
        out.write(']');
        return new RenderedPoints(out.toByteArray(), points.size());
    }

    static final class Writer extends StdSerializer<RenderedPoints> {

        Writer() {
            super(RenderedPoints.class);
        }

        @Override
        public void serialize(RenderedPoints points, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeRawValue(new Raw(points.json()));
        }
    }

    /** Bytes Jackson writes as they are (only the unquoted UTF-8 forms are ever asked for a raw value). */
    private record Raw(byte[] utf8) implements SerializableString {

        @Override
        public String getValue() {
            return new String(utf8, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public char[] asQuotedChars() {
            throw new UnsupportedOperationException("a raw JSON value is never quoted");
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return utf8;
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw new UnsupportedOperationException("a raw JSON value is never quoted");
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw new UnsupportedOperationException("a raw JSON value is never quoted");
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw new UnsupportedOperationException("a raw JSON value is never quoted");
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + utf8.length > buffer.length) {
                return -1;
            }
            System.arraycopy(utf8, 0, buffer, offset, utf8.length);
            return utf8.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            String value = getValue();
            if (offset + value.length() > buffer.length) {
                return -1;
            }
            value.getChars(0, value.length(), buffer, offset);
            return value.length();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw new UnsupportedOperationException("a raw JSON value is never quoted");
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(utf8);
            return utf8.length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw new UnsupportedOperationException("a raw JSON value is never quoted");
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (buffer.remaining() < utf8.length) {
                return -1;
            }
            buffer.put(utf8);
            return utf8.length;
        }
    }
}
