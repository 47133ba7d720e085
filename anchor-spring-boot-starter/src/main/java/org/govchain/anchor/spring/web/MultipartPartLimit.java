package org.govchain.anchor.spring.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.core.publisher.Flux;

/**
 * Counts the parts of a multipart request body as its bytes arrive and fails the body itself —
 * before Spring's multipart reader has seen the first byte of the part too many — with {@link
 * TooManyParts}.
 *
 * <p>Spring's reader has a parts limit of its own, but it enforces it by failing the part stream
 * from inside its parser's flush of the last body buffers; the cancel that follows releases those
 * buffers a second time, and Netty logs an {@code IllegalReferenceCountException} at ERROR when the
 * connection closes (spring-web 7.0.8, {@code MultipartParser.BodyState.flush}: the queue is
 * cleared only after its buffers are emitted, and {@code dispose} on cancel releases it again). A
 * failure of the request body instead reaches the parser as an upstream error, which disposes only
 * what it still holds. Spring's limit stays set, as a second line that is not reached first.
 */
final class MultipartPartLimit {

  private MultipartPartLimit() {}

  /** A multipart body with more parts than the limit; {@link Uploads} answers it 413. */
  static final class TooManyParts extends DecodingException {
    private final int maxParts;

    TooManyParts(int maxParts) {
      super("the multipart body has more than " + maxParts + " parts");
      this.maxParts = maxParts;
    }

    int maxParts() {
      return maxParts;
    }
  }

  /** Wraps the application's handler: each multipart request's body counted against {@code max}. */
  static HttpHandlerDecoratorFactory decorator(int maxParts) {
    return handler -> decorate(handler, maxParts);
  }

  private static HttpHandler decorate(HttpHandler handler, int maxParts) {
    return (request, response) -> {
      String boundary = boundary(request);
      if (maxParts <= 0 || boundary == null) {
        return handler.handle(request, response);
      }
      ServerHttpRequest counted =
          new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
              return limit(super.getBody(), boundary, maxParts);
            }
          };
      return handler.handle(counted, response);
    };
  }

  private static String boundary(ServerHttpRequest request) {
    MediaType type = request.getHeaders().getContentType();
    if (type == null || !"multipart".equalsIgnoreCase(type.getType())) {
      return null;
    }
    String boundary = type.getParameter("boundary");
    if (boundary == null || boundary.isEmpty()) {
      return null;
    }
    if (boundary.length() > 1 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
      boundary = boundary.substring(1, boundary.length() - 1);
    }
    return boundary.isEmpty() ? null : boundary;
  }

  /**
   * {@code body} passed on as it is until a part beyond {@code maxParts} begins; the buffer in
   * which it begins is released, not passed on, and the body fails with {@link TooManyParts}.
   */
  static Flux<DataBuffer> limit(Flux<DataBuffer> body, String boundary, int maxParts) {
    return Flux.defer(
        () -> {
          Counter counter = new Counter(boundary, maxParts);
          return body.handle(
              (buffer, sink) -> {
                if (counter.accept(buffer)) {
                  sink.next(buffer);
                } else {
                  DataBufferUtils.release(buffer);
                  sink.error(new TooManyParts(maxParts));
                }
              });
        });
  }

  /**
   * Finds the delimiters of a multipart body as Spring's parser does: the first {@code --boundary}
   * anywhere in the preamble, then each {@code CRLF--boundary}; a delimiter followed by {@code --}
   * closes the body (what follows is the epilogue), any other begins a part.
   */
  static final class Counter {
    private final int maxParts;
    private final Matcher first;
    private final Matcher next;
    private Matcher current;

    /** Bytes seen since the last delimiter, up to 2; -1 when none is being looked at. */
    private int afterDelimiter = -1;

    private byte firstAfter;
    private boolean closed;
    private int parts;

    Counter(String boundary, int maxParts) {
      this.maxParts = maxParts;
      this.first = new Matcher(("--" + boundary).getBytes(StandardCharsets.ISO_8859_1));
      this.next = new Matcher(("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1));
      this.current = first;
    }

    /** Counts the delimiters in {@code buffer}; false once a part beyond the limit has begun. */
    boolean accept(DataBuffer buffer) {
      if (closed) {
        return true;
      }
      try (DataBuffer.ByteBufferIterator it = buffer.readableByteBuffers()) {
        while (it.hasNext()) {
          if (!accept(it.next())) {
            return false;
          }
        }
      }
      return true;
    }

    private boolean accept(ByteBuffer bytes) {
      for (int i = bytes.position(); i < bytes.limit() && !closed; i++) {
        byte b = bytes.get(i);
        if (afterDelimiter == 0) {
          firstAfter = b;
          afterDelimiter = 1;
        } else if (afterDelimiter == 1) {
          afterDelimiter = -1;
          if (firstAfter == '-' && b == '-') {
            closed = true;
            return true;
          }
          if (++parts > maxParts) {
            return false;
          }
        }
        if (current.next(b)) {
          current = next;
          afterDelimiter = 0;
        }
      }
      return true;
    }

    /** Parts begun so far. */
    int parts() {
      return parts;
    }
  }

  /** Knuth–Morris–Pratt over a stream of bytes: whether each byte ends a match of the needle. */
  private static final class Matcher {
    private final byte[] needle;
    private final int[] fallback;
    private int matched;

    Matcher(byte[] needle) {
      this.needle = needle;
      this.fallback = new int[needle.length];
      for (int i = 1, k = 0; i < needle.length; i++) {
        while (k > 0 && needle[i] != needle[k]) {
          k = fallback[k - 1];
        }
        if (needle[i] == needle[k]) {
          k++;
        }
        fallback[i] = k;
      }
    }

    boolean next(byte b) {
      while (matched > 0 && b != needle[matched]) {
        matched = fallback[matched - 1];
      }
      if (b == needle[matched]) {
        matched++;
      }
      if (matched == needle.length) {
        matched = fallback[matched - 1];
        return true;
      }
      return false;
    }
  }
}
