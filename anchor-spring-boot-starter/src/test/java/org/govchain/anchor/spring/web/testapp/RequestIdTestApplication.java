package org.govchain.anchor.spring.web.testapp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.govchain.anchor.web.requestid.RequestIds;
import org.govchain.testsupport.PostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A WebFlux service using the starter, with handlers that show what request id they see. */
@SpringBootApplication
public class RequestIdTestApplication {

  /** Starts on a random port against {@code db}. */
  public static ConfigurableApplicationContext start(PostgresServer.Database db) {
    List<String> all = new ArrayList<>(List.of(db.springProperties()));
    all.add("server.port=0");
    all.add("spring.main.banner-mode=off");
    all.add("govchain.log.origin=request-id.govchain.example");
    all.add("logging.pattern.correlation=[%X{requestId:-}] ");
    return new SpringApplicationBuilder(RequestIdTestApplication.class)
        .properties(all.toArray(String[]::new))
        .run();
  }

  @RestController
  static class Handlers {

    private static final Logger LOG = LoggerFactory.getLogger(Handlers.class);

    /** The id as the handler sees it: request header, exchange attribute, Reactor context. */
    @GetMapping("/api/test/hello")
    Mono<Map<String, String>> hello(ServerWebExchange exchange) {
      return RequestIds.current()
          .defaultIfEmpty("")
          .map(
              fromContext ->
                  Map.of(
                      "header",
                      String.valueOf(
                          exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER)),
                      "attribute",
                      RequestIds.of(exchange).orElse(""),
                      "context",
                      fromContext));
    }

    /** Logs from another thread, after a delay: the line must still carry the request id. */
    @GetMapping("/api/test/work")
    Mono<String> work() {
      return Mono.delay(Duration.ofMillis(5))
          .doOnNext(tick -> LOG.info("working on the request"))
          .thenReturn("done");
    }

    @GetMapping("/api/test/failure")
    Mono<String> failure() {
      return Mono.error(new IllegalStateException("handler failed"));
    }
  }
}
