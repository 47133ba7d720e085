package org.govchain.anchor.spring.web;

import java.util.Map;
import org.govchain.anchor.web.problem.CommonProblem;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.problem.ProblemKind;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Reads a multipart upload into an {@link UploadForm}, within the limits every service shares
 * ({@code govchain.web.max-upload-size} per part, {@code govchain.web.max-upload-parts} parts,
 * given to Boot's multipart reader by the starter's defaults). A larger part or too many parts is
 * 413 {@link #TOO_LARGE} naming the limit; a body that is not multipart is 400 {@code
 * malformed-request}.
 */
public final class Uploads {

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
    return exchange.getMultipartData().map(UploadForm::new).onErrorMap(this::problem);
  }

  private Throwable problem(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataBufferLimitException) {
        return new ProblemException(
            TOO_LARGE,
            "a part of the upload exceeds " + maxPartBytes + " bytes",
            Map.of("maxBytes", maxPartBytes));
      }
      if (cause instanceof DecodingException
          && String.valueOf(cause.getMessage()).contains("parts")) {
        return new ProblemException(
            TOO_LARGE,
            "the upload has more than " + maxParts + " parts",
            Map.of("maxParts", maxParts));
      }
    }
    if (e instanceof DecodingException || e instanceof ServerWebInputException) {
      return new ProblemException(
          CommonProblem.MALFORMED_REQUEST, "the multipart body cannot be read", Map.of());
    }
    return e;
  }
}
