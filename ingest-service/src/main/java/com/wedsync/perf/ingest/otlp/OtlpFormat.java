package com.wedsync.perf.ingest.otlp;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.wedsync.perf.service.api.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The two encodings OTLP/HTTP defines, {@code application/x-protobuf} and {@code application/json}: requests read
 * (gzip-decoded when they say so, never past {@value #MAX_DECODED_BYTES} bytes), responses and errors written in the
 * encoding of the request, as the specification asks.
 */
public enum OtlpFormat {

    PROTOBUF("application/x-protobuf"),
    JSON("application/json");

    /** The most a request may hold once decoded: a gzip body cannot inflate past this. */
    public static final int MAX_DECODED_BYTES = 4 * 1024 * 1024;

    private static final JsonFormat.Parser JSON_PARSER = JsonFormat.parser().ignoringUnknownFields();
    private static final com.fasterxml.jackson.databind.ObjectMapper STATUS_JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final JsonFormat.Printer JSON_PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private final String mediaType;

    OtlpFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format of a request's {@code Content-Type}; protobuf when it names neither (the error says why). */
    public static OtlpFormat of(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals(JSON.mediaType) ? JSON : PROTOBUF;
    }

    public static boolean isSupported(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals(JSON.mediaType) || type.equals(PROTOBUF.mediaType);
    }

    /** Reads a request's body into {@code into}; 400 when it is not a message of that type, 413 when too large. */
    public <B extends Message.Builder> B read(byte[] body, String contentEncoding, B into) {
        byte[] decoded = decode(body, contentEncoding);
        try {
            if (this == JSON) {
                JSON_PARSER.merge(new String(decoded, StandardCharsets.UTF_8), into);
            } else {
                into.mergeFrom(decoded);
            }
            return into;
        } catch (InvalidProtocolBufferException | RuntimeException unreadable) {
            throw ApiException.badRequest("invalid_body", "not an OTLP " + (this == JSON ? "JSON" : "protobuf")
                    + " message: " + firstLine(unreadable.getMessage()));
        }
    }

    public byte[] write(Message message) {
        if (this == PROTOBUF) {
            return message.toByteArray();
        }
        try {
            return JSON_PRINTER.print(message).getBytes(StandardCharsets.UTF_8);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot write " + message.getDescriptorForType().getName(), e);
        }
    }

    /**
     * A {@code google.rpc.Status} (the OTLP error body): {@code code} 1 and {@code message} 2, written by hand
     * so as not to pull in the common protos for two fields.
     */
    public byte[] status(int grpcCode, String message) {
        if (this == JSON) {
            try {
                return STATUS_JSON.writeValueAsBytes(java.util.Map.of("code", grpcCode, "message", message));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot write a status", e);
            }
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.writeInt32(1, grpcCode);
            out.writeString(2, message);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a status", e);
        }
    }

    private static byte[] decode(byte[] body, String contentEncoding) {
        String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity")) {
            return body == null ? new byte[0] : body;
        }
        if (!encoding.equals("gzip")) {
            throw ApiException.badRequest("unsupported_encoding", "Content-Encoding '" + encoding
                    + "' is not supported; send gzip or none");
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body == null ? new byte[0] : body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[16 * 1024];
            for (int read; (read = in.read(chunk)) > 0; ) {
                if (out.size() + read > MAX_DECODED_BYTES) {
                    throw new ApiException(413, "body_too_large", "the request inflates past " + MAX_DECODED_BYTES
                            + " bytes; export smaller batches", java.util.Map.of());
                }
                out.write(chunk, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiException.badRequest("invalid_body", "the body is not valid gzip: " + e.getMessage());
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
