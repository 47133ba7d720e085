package org.govchain.anchor.chain;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

/** Sends web3j requests asynchronously and turns transport failures into chain exceptions. */
final class Rpc {

  private Rpc() {}

  /**
   * Sends a request on web3j's async executor; fails with {@link ChainUnavailableException} when
   * the endpoint cannot be reached. JSON-RPC errors in the response are left to the caller.
   */
  static <R extends Response<?>> CompletableFuture<R> send(Request<?, R> request) {
    CompletableFuture<R> sent;
    try {
      sent = request.sendAsync();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(unavailable(request.getMethod(), e));
    }
    return sent.handle(
        (response, error) -> {
          if (error != null) {
            throw unavailable(request.getMethod(), error);
          }
          return response;
        });
  }

  /**
   * Like {@link #send} but also fails with {@link ChainUnavailableException} on a JSON-RPC error.
   */
  static <R extends Response<?>> CompletableFuture<R> result(Request<?, R> request) {
    return send(request)
        .thenApply(
            response -> {
              if (response.hasError()) {
                Response.Error error = response.getError();
                throw new ChainUnavailableException(
                    request.getMethod(),
                    "JSON-RPC error " + error.getCode() + ": " + error.getMessage(),
                    null);
              }
              return response;
            });
  }

  /** The cause inside CompletionException/ExecutionException wrappers. */
  static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static RuntimeException unavailable(String method, Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof ChainException chain) {
      return chain;
    }
    return new ChainUnavailableException(method, String.valueOf(cause), cause);
  }
}
