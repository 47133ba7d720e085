package org.govchain.anchor.web.requestid;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The request-id rule every GovChain application follows (docs/conventions.md): an incoming {@value
 * #HEADER} of 1–64 characters of {@code [A-Za-z0-9._-]} is kept, anything else is replaced by a new
 * UUID; the id travels as that header, as the exchange attribute {@link #ATTRIBUTE}, under {@link
 * #CONTEXT_KEY} in the Reactor context and logging MDC, and as {@value #PROBLEM_MEMBER} in every
 * problem answer.
 */
public final class RequestIds {

  /** The request and response header carrying the id (DESIGN §4). */
  public static final String HEADER = "X-Request-Id";

  /** The exchange attribute holding the request's id. */
  public static final String ATTRIBUTE = RequestIds.class.getName() + ".requestId";

  /** The Reactor context key and MDC key holding the id. */
  public static final String CONTEXT_KEY = "requestId";

  /** The member of a problem answer holding the id. */
  public static final String PROBLEM_MEMBER = "requestId";

  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private RequestIds() {}

  /** Whether {@code id} may be passed on as it is. */
  public static boolean isWellFormed(String id) {
    return id != null && WELL_FORMED.matcher(id).matches();
  }

  /** {@code candidate} if it is well-formed, else a fresh UUID. */
  public static String acceptOrCreate(String candidate) {
    return isWellFormed(candidate) ? candidate : UUID.randomUUID().toString();
  }

  /** The id {@link RequestIdWebFilter} gave the exchange, if it ran. */
  public static Optional<String> of(ServerWebExchange exchange) {
    return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
  }

  /** The id of the request being handled, from the Reactor context, if the filter ran. */
  public static Mono<String> current() {
    return Mono.deferContextual(context -> Mono.justOrEmpty(context.getOrEmpty(CONTEXT_KEY)))
        .cast(String.class);
  }
}
