package org.govchain.anchor.web.problem;

import java.net.URI;
import java.util.Map;
import org.govchain.anchor.web.requestid.RequestIds;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Spring {@link ProblemDetail}s in the GovChain shape, for controllers and their exception
 * handlers: the kind's type and title, the path as {@code instance} (never the query) and the
 * request's id as {@value RequestIds#PROBLEM_MEMBER}.
 */
public final class ProblemDetails {

  private ProblemDetails() {}

  /** A problem of {@code kind} with {@code detail} and extension members {@code properties}. */
  public static ProblemDetail of(
      ProblemKind kind, String detail, Map<String, ?> properties, ServerHttpRequest request) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(kind.status(), detail);
    body.setType(kind.type());
    body.setTitle(kind.title());
    properties.forEach(body::setProperty);
    return completed(body, request);
  }

  /** Sets {@code instance} and the request id on a problem made elsewhere (e.g. by the log API). */
  public static ProblemDetail completed(ProblemDetail body, ServerHttpRequest request) {
    body.setInstance(URI.create(request.getPath().value()));
    String id = request.getHeaders().getFirst(RequestIds.HEADER);
    if (id != null) {
      body.setProperty(RequestIds.PROBLEM_MEMBER, id);
    }
    return body;
  }
}
