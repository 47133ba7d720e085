package org.govchain.anchor.spring.web;

import io.micrometer.context.ThreadLocalAccessor;
import org.govchain.anchor.web.requestid.RequestIds;
import org.slf4j.MDC;

/**
 * Moves the request id between the Reactor context and the logging MDC: with Reactor's automatic
 * context propagation on, every operator of a request's pipeline runs with {@code requestId} in the
 * MDC, whatever thread it is on, so every log line written for the request can show it.
 */
final class RequestIdMdcAccessor implements ThreadLocalAccessor<String> {

  @Override
  public Object key() {
    return RequestIds.CONTEXT_KEY;
  }

  @Override
  public String getValue() {
    return MDC.get(RequestIds.CONTEXT_KEY);
  }

  @Override
  public void setValue(String value) {
    MDC.put(RequestIds.CONTEXT_KEY, value);
  }

  @Override
  public void setValue() {
    MDC.remove(RequestIds.CONTEXT_KEY);
  }
}
