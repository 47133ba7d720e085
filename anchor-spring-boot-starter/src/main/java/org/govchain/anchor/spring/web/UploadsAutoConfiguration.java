package org.govchain.anchor.spring.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.util.unit.DataSize;

/**
 * {@link Uploads} with the limits Boot's multipart reader enforces ({@code
 * govchain.web.max-upload-size}, {@code govchain.web.max-upload-parts}; the starter's defaults pass
 * them on as {@code spring.webflux.multipart.*}), and the parts limit enforced on the request body
 * itself ({@link MultipartPartLimit}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class UploadsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Uploads govchainUploads(Environment env) {
    DataSize size =
        env.getProperty(
            "spring.webflux.multipart.max-disk-usage-per-part",
            DataSize.class,
            DataSize.ofMegabytes(25));
    int parts = env.getProperty("spring.webflux.multipart.max-parts", Integer.class, -1);
    return new Uploads(size.toBytes(), parts);
  }

  /**
   * Counts the parts of every multipart body as it arrives and fails it at the first part too many
   * ({@link MultipartPartLimit}: Spring's own limit double-releases a buffer).
   */
  @Bean
  HttpHandlerDecoratorFactory govchainMultipartPartLimit(Uploads uploads) {
    return MultipartPartLimit.decorator(uploads.maxParts());
  }
}
