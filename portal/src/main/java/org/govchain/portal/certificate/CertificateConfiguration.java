package org.govchain.portal.certificate;

import java.time.Clock;
import java.util.Base64;
import org.govchain.anchor.bundle.BundleVerifier;
import org.govchain.portal.settings.PortalSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.web.reactive.function.client.WebClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The certificate service's parts, built from {@link CertificateProperties}; the {@code prod}
 * profile refuses the development clients' secrets and the development evidence key.
 */
@Configuration(proxyBeanMethods = false)
class CertificateConfiguration {

  /** Where the fonts the certificate and the seal image use lie on the class path. */
  static final String REGULAR_FONT =
      "/org/govchain/portal/certificate/fonts/NotoSansSC_400Regular.ttf";

  @Bean(destroyMethod = "shutdown")
  Web3j certificateChain(CertificateProperties properties) {
    return Web3j.build(new HttpService(properties.rpcUrl()));
  }

  @Bean
  CertificateService certificateService(
      CertificateProperties properties,
      PortalSettings settings,
      Web3j certificateChain,
      Environment env) {
    refuseDevelopmentSecretsInProd(properties, env);
    WebClient http =
        WebClient.builder()
            .codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
            .build();
    Clock clock = Clock.systemUTC();
    SuiteApi suite =
        new SuiteApi(
            http,
            properties,
            new ClientCredentials(
                http,
                properties.tokenUri(),
                properties.sealingClient(),
                properties.timeout(),
                clock),
            new ClientCredentials(
                http,
                properties.tokenUri(),
                properties.readingClient(),
                properties.timeout(),
                clock),
            new SealImage(REGULAR_FONT));
    byte[] key;
    try {
      key = Base64.getDecoder().decode(properties.evidenceKey().trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("govchain.portal.certificate.evidence-key is not base64", e);
    }
    return new CertificateService(
        suite,
        new BundleVerifier(certificateChain),
        settings,
        properties,
        new EvidenceTokens(key),
        clock);
  }

  private static void refuseDevelopmentSecretsInProd(CertificateProperties p, Environment env) {
    if (!env.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    if (p.evidenceKey().trim().equals(CertificateProperties.DEV_EVIDENCE_KEY)) {
      throw new IllegalStateException(
          "the prod profile refuses the development evidence key: set GOVCHAIN_PORTAL_EVIDENCE_KEY");
    }
    for (CertificateProperties.Client client :
        new CertificateProperties.Client[] {p.sealingClient(), p.readingClient()}) {
      if (client.secret().endsWith("-dev-secret")) {
        throw new IllegalStateException(
            "the prod profile refuses the demo client secret of "
                + client.id()
                + ": set GOVCHAIN_PORTAL_CLIENT_SECRET and GOVCHAIN_PORTAL_READING_CLIENT_SECRET");
      }
    }
  }
}
