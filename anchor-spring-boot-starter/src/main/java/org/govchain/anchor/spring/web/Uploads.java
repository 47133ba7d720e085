package org.govchain.anchor.spring.web;

import java.util.Map;
import java.util.function.Consumer;
import org.govchain.anchor.web.problem.CommonProblem;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.problem.ProblemKind;
import org.govchain.anchor.web.requestid.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Reads a multipart upload into an {@link UploadForm}, within the limits every service shares
 * ({@code govchain.web.max-upload-size} per part, {@code govchain.web.max-upload-parts} parts,
 * given to Boot's multipart reader by the starter's defaults). A larger part or too many parts is
 * 413 {@link #TOO_LARGE} naming the limit; a body that is not multipart, or whose parts cannot be
 * made out (another boundary than the Content-Type's, a part cut off, a part without a name), is
 * 400 {@code malformed-request}. Services read multipart bodies only through here.
 *
 * <p>The parts are counted on the request body as it arrives ({@link MultipartPartLimit}), so that
 * the body, not Spring's reader, fails at the part too many.
 *
 * <p>Spring's multipart reader signals some of these failures twice — to the part being read and to
 * the whole body — or releases a buffer twice when it is cancelled half-way; Reactor logs the
 * second signal, which nobody can receive any more, at ERROR with a stack trace ("Operator called
 * default onErrorDropped"). The caller has had its 400 by then, so such a dropped error of an
 * upload is logged at DEBUG, in one line, through Reactor's subscription-local hook.
 */
public final class Uploads {

  private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);

  /**
   * The Context key of Reactor's subscription-local onErrorDropped hook ({@code
   * Hooks.KEY_ON_ERROR_DROPPED}, package-private in reactor-core since 3.1); the hostile-input
   * tests fail if a later Reactor stops honouring it.
   */
  static final String ON_ERROR_DROPPED = "reactor.onErrorDropped.local";

  /** An upload, a part or one file in it over its limit. */
  public static final ProblemKind TOO_LARGE =
      ProblemKind.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Upload too large");

  private final long maxPartBytes;
  private final int maxParts;

  public Uploads(long maxPartBytes, int maxParts) {
    this.maxPartBytes = maxPartBytes;
    this.maxParts = maxParts;
  }

  /** The parts of the request, or a problem if they exceed the limits or cannot be read. */
  public Mono<UploadForm> read(ServerWebExchange exchange) {
    String requestId = RequestIds.of(exchange).orElse("-");
    Consumer<Throwable> dropped =
        e ->
            LOG.debug(
                "requestId={} multipart body: a failure after the answer, dropped: {}: {}",
                requestId,
                e.getClass().getName(),
                firstLine(e.getMessage()));
    return exchange
        .getMultipartData()
        .map(UploadForm::new)
        .onErrorMap(this::problem)
        // refused before the whole body was read: the rest of it would be read as the next
        // request on a kept-alive connection, so this one ends with the answer
        .doOnError(
            ProblemException.class,
            e -> exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close"))
        .contextWrite(Context.of(ON_ERROR_DROPPED, dropped));
  }

  /** The most parts an upload may have ({@code govchain.web.max-upload-parts}); 0 or less: any. */
  int maxParts() {
    return maxParts;
  }

  private Throwable problem(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataBufferLimitException) {
        return new ProblemException(
            TOO_LARGE,
            "a part of the upload exceeds " + maxPartBytes + " bytes",
            Map.of("maxBytes", maxPartBytes));
      }
      // ours (MultipartPartLimit), or Spring's reader's own "Too many parts"
      if (cause instanceof MultipartPartLimit.TooManyParts
          || cause instanceof DecodingException
              && String.valueOf(cause.getMessage()).contains("parts")) {
        return new ProblemException(
            TOO_LARGE,
            "the upload has more than " + maxParts + " parts",
            Map.of("maxParts", maxParts));
      }
    }
    // Spring's reader refuses a part without a name (collecting parts by name) with an
    // IllegalStateException, as it does a body token where none may stand; a disk that fails the
    // temporary file is an (Unchecked)IOException and stays the server's failure
    if (e instanceof DecodingException
        || e instanceof ServerWebInputException
        || e instanceof IllegalStateException) {
      return new ProblemException(
          CommonProblem.MALFORMED_REQUEST, "the multipart body cannot be read", Map.of());
    }
    return e;
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("");
  }
}
