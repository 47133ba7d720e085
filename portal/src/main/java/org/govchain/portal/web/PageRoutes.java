package org.govchain.portal.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The page's entry: {@code /portal/} answers the page, {@code /portal} redirects there; the page's
 * files ({@code /portal/app.js}, …) are static resources (application.yml).
 */
@Configuration(proxyBeanMethods = false)
class PageRoutes {

  @Bean
  RouterFunction<ServerResponse> portalPage(
      @Value("classpath:/static/portal/index.html") Resource page) {
    return route(
            GET("/portal"),
            request -> ServerResponse.permanentRedirect(URI.create("/portal/")).build())
        .andRoute(
            GET("/portal/"),
            request ->
                page.exists()
                    ? ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache())
                        .bodyValue(page)
                    : ServerResponse.notFound().build());
  }
}
