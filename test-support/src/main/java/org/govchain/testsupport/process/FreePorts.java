package org.govchain.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free local TCP ports, never the suite's fixed ones (other test runs share the machine). */
public final class FreePorts {

  private FreePorts() {}

  /** A port nothing listens on now (the OS picks it; it may be taken again before use). */
  public static int next() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
