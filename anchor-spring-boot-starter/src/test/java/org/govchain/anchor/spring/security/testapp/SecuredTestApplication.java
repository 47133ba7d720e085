package org.govchain.anchor.spring.security.testapp;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.govchain.anchor.spring.security.EnableServiceSecurity;
import org.govchain.anchor.spring.security.ServiceSecurity;
import org.govchain.anchor.web.security.Role;
import org.govchain.testsupport.PostgresServer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A service secured with {@link EnableServiceSecurity} that states only its own path rules. */
@SpringBootApplication
@EnableServiceSecurity
public class SecuredTestApplication {

  /** Starts on a random port against {@code db}, with these extra properties. */
  public static ConfigurableApplicationContext start(
      PostgresServer.Database db, String... properties) {
    List<String> all = new ArrayList<>(List.of(db.springProperties()));
    all.add("server.port=0");
    all.add("spring.main.banner-mode=off");
    all.add("spring.application.name=secured-test");
    all.add("govchain.log.origin=secured.govchain.example");
    all.addAll(List.of(properties));
    return new SpringApplicationBuilder(SecuredTestApplication.class)
        .properties(all.toArray(String[]::new))
        .run();
  }

  @Bean
  SecurityWebFilterChain testSecurity(ServerHttpSecurity http, ServiceSecurity security) {
    return security.filterChain(
        http,
        rules ->
            rules
                .pathMatchers(HttpMethod.GET, "/api/test/open")
                .permitAll()
                .pathMatchers(HttpMethod.GET, "/api/test/records")
                .hasAnyRole(Role.SSC_CLERK.claimValue(), Role.AUDITOR.claimValue())
                .pathMatchers(HttpMethod.POST, "/api/test/records")
                .hasRole(Role.SSC_CLERK.claimValue()));
  }

  @RestController
  static class Handlers {

    @GetMapping("/api/test/open")
    Mono<String> open() {
      return Mono.just("open");
    }

    @GetMapping("/api/test/records")
    Mono<String> read(Principal caller) {
      return Mono.just("read by " + caller.getName());
    }

    @PostMapping("/api/test/records")
    Mono<String> write(Principal caller) {
      return Mono.just("written by " + caller.getName());
    }

    /** Not named by any rule: denied whatever the token says. */
    @GetMapping("/api/test/unlisted")
    Mono<String> unlisted() {
      return Mono.just("should never be seen");
    }
  }
}
