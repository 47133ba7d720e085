package org.govchain.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real TCP forwarder for network fault injection: listens on a free port of 127.0.0.1 and copies
 * bytes to and from a target; {@link #cut()} closes every open connection and closes each new one
 * at once (the service behind keeps running and keeps its state), {@link #restore()} forwards
 * again. Counts the connections clients open, so tests can see how hard they try.
 */
public final class TcpProxy implements AutoCloseable {

  private final String targetHost;
  private final int targetPort;
  private final ServerSocket server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private volatile boolean cut;
  private volatile boolean closed;

  private TcpProxy(String targetHost, int targetPort) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a proxy to {@code host:port}. */
  public static TcpProxy to(String host, int port) {
    return new TcpProxy(host, port);
  }

  /** Starts a proxy to the host and port of an {@code http://host:port} URL. */
  public static TcpProxy toUrl(String url) {
    java.net.URI uri = java.net.URI.create(url);
    return to(uri.getHost(), uri.getPort());
  }

  /** The port clients connect to. */
  public int port() {
    return server.getLocalPort();
  }

  /** {@code http://127.0.0.1:<port>}, for HTTP services such as a JSON-RPC node. */
  public String httpUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Closes every forwarded connection and, until {@link #restore()}, every new one. */
  public void cut() {
    cut = true;
    for (Socket socket : open) {
      closeQuietly(socket);
    }
  }

  /** Forwards new connections again. */
  public void restore() {
    cut = false;
  }

  /** Connections clients opened while forwarding. */
  public long forwardedConnections() {
    return accepted.get();
  }

  /** Connections clients opened while cut (each closed at once). */
  public long refusedConnections() {
    return refused.get();
  }

  @Override
  public void close() {
    closed = true;
    cut();
    closeQuietly(server);
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        continue;
      }
      if (cut) {
        refused.incrementAndGet();
        closeQuietly(client);
        continue;
      }
      accepted.incrementAndGet();
      Socket upstream = new Socket();
      try {
        upstream.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
      } catch (IOException e) {
        closeQuietly(client);
        closeQuietly(upstream);
        continue;
      }
      open.add(client);
      open.add(upstream);
      java.util.concurrent.atomic.AtomicInteger finished =
          new java.util.concurrent.atomic.AtomicInteger();
      pump(client, upstream, finished);
      pump(upstream, client, finished);
    }
  }

  /** Copies one direction; end of stream is passed on as a half-close, errors close both. */
  private void pump(Socket from, Socket to, java.util.concurrent.atomic.AtomicInteger finished) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              boolean clean = false;
              try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int read;
                while ((read = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, read);
                  out.flush();
                }
                to.shutdownOutput();
                clean = true;
              } catch (IOException e) {
                // closed by cut() or by the other side: the pair ends
              } finally {
                if (!clean || finished.incrementAndGet() == 2) {
                  closeQuietly(from);
                  closeQuietly(to);
                  open.remove(from);
                  open.remove(to);
                }
              }
            },
            "tcp-proxy-pump-" + port());
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // nothing to do: it is closed either way
    }
  }
}
