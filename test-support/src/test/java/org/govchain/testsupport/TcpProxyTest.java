package org.govchain.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

  @Test
  void forwardsBytesThenRefusesWhileCutThenForwardsAgain() throws Exception {
    try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        TcpProxy proxy = TcpProxy.to("127.0.0.1", echo.getLocalPort())) {
      Thread server = new Thread(() -> echoForever(echo));
      server.setDaemon(true);
      server.start();

      assertThat(roundTrip(proxy.port(), "one")).isEqualTo("one");
      proxy.cut();
      assertThatThrownBy(() -> roundTrip(proxy.port(), "two")).isInstanceOf(IOException.class);
      proxy.restore();
      assertThat(roundTrip(proxy.port(), "three")).isEqualTo("three");

      assertThat(proxy.forwardedConnections()).isEqualTo(2);
      assertThat(proxy.refusedConnections()).isEqualTo(1);
    }
  }

  private static String roundTrip(int port, String text) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
      socket.shutdownOutput();
      byte[] answer = socket.getInputStream().readAllBytes();
      if (answer.length == 0) {
        throw new IOException("connection closed without an answer");
      }
      return new String(answer, StandardCharsets.UTF_8);
    }
  }

  private static void echoForever(ServerSocket echo) {
    while (!echo.isClosed()) {
      try (Socket socket = echo.accept();
          InputStream in = socket.getInputStream();
          OutputStream out = socket.getOutputStream()) {
        out.write(in.readAllBytes());
      } catch (IOException closed) {
        return;
      }
    }
  }
}
