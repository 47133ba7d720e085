package org.govchain.anchor.spring.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Makes a service an OAuth2 resource server the GovChain way (DESIGN §4): put it on one
 * {@code @Configuration} class, which then declares a {@code SecurityWebFilterChain} bean built
 * with the {@link ServiceSecurity} bean and the service's own path → role rules. Needs {@code
 * spring-boot-starter-oauth2-resource-server} on the classpath and one of the {@code
 * spring.security.oauth2.resourceserver.jwt.*} settings, or the service refuses to start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(ServiceSecurityConfiguration.class)
public @interface EnableServiceSecurity {}
