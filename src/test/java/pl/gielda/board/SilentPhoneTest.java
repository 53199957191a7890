package pl.gielda.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import pl.gielda.support.BoardClient;
import pl.gielda.support.Fixtures;

/**
 * A phone that stops reading answers no ping, so it is closed 1013 however much the kernel still
 * buffers for it; a phone that reads stays. The raw socket here never answers a ping. The test
 * profile pings every second and allows three seconds of silence (production: 20 s and 65 s).
 */
@QuarkusTest
class SilentPhoneTest {

  @TestHTTPResource("/")
  URI base;

  @Test
  void aPhoneThatStopsReadingIsClosedTooSlowWhileAPhoneThatReadsStays() throws Exception {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    try (Socket silent = new Socket(base.getHost(), base.getPort());
        BoardClient reader = BoardClient.connect(base, fair.id(), person.token())) {
      upgrade(silent, fair.id(), person.token());
      sendText(silent.getOutputStream(), "{\"type\":\"resume\",\"epoch\":null,\"after\":0}");
      reader.resume(null, 0).awaitType("caughtUp");

      // The silent phone answers none of the pings (it never writes a pong): it is closed once the
      // limit has passed; waited for up to 15 s, until its close frame arrives.
      assertThat(closeCode(silent, 15)).isEqualTo(BoardSubscriber.TOO_SLOW);
      Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Sala po ciszy"));
      JsonNode event = reader.awaitType("event");
      assertThat(event.at("/event/post/title").asText()).isEqualTo("Sala po ciszy");
    }
  }

  private static void upgrade(Socket socket, long fairId, String token) throws IOException {
    byte[] nonce = new byte[16];
    new SecureRandom().nextBytes(nonce);
    String request =
        "GET /ws/fairs/"
            + fairId
            + "/board HTTP/1.1\r\nHost: "
            + socket.getInetAddress().getHostAddress()
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Key: "
            + Base64.getEncoder().encodeToString(nonce)
            + "\r\nAuthorization: Bearer "
            + token
            + "\r\n\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    socket.setSoTimeout(10_000);
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    var in = socket.getInputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("closed during the upgrade: " + head);
      }
      head.write(b);
    }
    assertThat(head.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101");
  }

  /** A masked text frame, as clients must send them. */
  private static void sendText(OutputStream out, String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] mask = new byte[4];
    new SecureRandom().nextBytes(mask);
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x81);
    frame.write(0x80 | payload.length); // short messages only (< 126 bytes)
    frame.write(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    out.write(frame.toByteArray());
    out.flush();
  }

  /**
   * Reads what the server sent until its close frame; the close code, or -1 if none came within
   * {@code seconds} (pings keep coming to a connection that is still open).
   */
  private static int closeCode(Socket socket, int seconds) throws IOException {
    socket.setSoTimeout(seconds * 1000);
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    DataInputStream in = new DataInputStream(socket.getInputStream());
    try {
      while (System.nanoTime() < deadline) {
        int opcode = in.readUnsignedByte() & 0x0f;
        long length = in.readUnsignedByte() & 0x7f;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        if (opcode == 0x8) {
          return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
        }
      }
      return -1;
    } catch (EOFException | SocketTimeoutException e) {
      return -1;
    }
  }
}
