package com.wedsync.perf.gate.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.localstack.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * An anonymous client streams a 120 MB upload: the gate answers 401 after reading a little of it — the token is
 * checked before the body — instead of reading up to its 50 MB limit first.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "gate"))
class AnonymousUploadTest {

    private static final long UPLOAD_BYTES = 120L * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    @TestHTTPResource("/")
    URL base;

    @Test
    void shouldRefuseAnAnonymousUploadBeforeReadingIt() throws Exception {
        for (String authorization : new String[]{null, "Bearer gt_ci_not_a_real_token_0123456789"}) {
            Upload upload = stream(authorization);
            assertThat(upload.status()).as("%s", authorization).isEqualTo(401);
            assertThat(upload.sentBeforeAnswer()).as("bytes the client got to send before the answer")
                    .isLessThan(16L * 1024 * 1024);
        }
    }

    private record Upload(int status, long sentBeforeAnswer) {
    }

    private Upload stream(String authorization) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST " + "/v1/gates/validate" + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[CHUNK];
            Arrays.fill(chunk, (byte) ' ');
            byte[] size = (Integer.toHexString(CHUNK) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            long sent = 0;
            try {
                while (sent < UPLOAD_BYTES && in.available() == 0) {
                    out.write(size);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent += CHUNK;
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedByTheServer) {
                // it answered and closed the connection while we were still sending: what the test wants
            }
            String statusLine = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
            return new Upload(Integer.parseInt(statusLine.split(" ")[1]), sent);
        }
    }
}
