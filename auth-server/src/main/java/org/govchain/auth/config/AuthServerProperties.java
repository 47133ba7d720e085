package org.govchain.auth.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.govchain.anchor.web.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The authorization server's settings ({@code govchain.auth.*}); README, Configuration lists the
 * environment variable of each.
 *
 * @param issuer the {@code iss} of every token and the base of the discovery documents, whatever
 *     host a request used
 * @param audience the value every access token's {@code aud} contains (resource servers check it)
 * @param accessTokenTtl lifetime of access tokens
 * @param dataDir where the development signing key is kept between starts
 * @param signingKey the production signing key; when no keystore is set, a development key is
 *     generated in {@code dataDir} (refused by the {@code prod} profile)
 * @param demo the published demo clients and users (development only)
 * @param web the public browser client that signs people in (authorization code with PKCE)
 * @param clients confidential clients from configuration (client credentials grant)
 * @param users people who can sign in, from configuration
 * @param throttle how failed client authentications and sign-ins are slowed down
 */
@Validated
@ConfigurationProperties("govchain.auth")
public record AuthServerProperties(
    @NotNull URI issuer,
    @NotBlank String audience,
    @NotNull Duration accessTokenTtl,
    @NotNull Path dataDir,
    @Valid @NotNull @DefaultValue SigningKey signingKey,
    @Valid @NotNull @DefaultValue Demo demo,
    @Valid @NotNull @DefaultValue Web web,
    @Valid @NotNull @DefaultValue List<Client> clients,
    @Valid @NotNull @DefaultValue List<User> users,
    @Valid @NotNull @DefaultValue Throttle throttle) {

  /** A password hash with its encoder id in braces, as Spring's delegating encoder stores it. */
  static final String ENCODED = "^\\{[A-Za-z0-9@.-]+\\}.+$";

  /**
   * The unit the demo accounting clerks keep books for: the unified social credit code of a
   * fictional prefecture finance bureau (机关, region 513200), with valid check characters.
   */
  public static final String DEMO_ACCOUNTING_UNIT = "115132000088000108";

  /** A unified social credit code's form (its check characters are the accounting service's). */
  static final String UNIT_CODE = "^([0-9A-HJ-NPQRTUWXY]{18})?$";

  static final String UNIT_MESSAGE =
      "must be empty or a unified social credit code (18 characters, digits and capitals without"
          + " I, O, S, V, Z)";

  static final String ENCODED_MESSAGE =
      "must be a hash with its encoder id, e.g. {bcrypt}$2a$10$..., never the secret itself";

  /**
   * A signing key from a keystore.
   *
   * @param keystore path of a PKCS#12 (or JKS) file holding an RSA private key and its certificate;
   *     empty for the generated development key
   * @param keystoreType {@code PKCS12} or {@code JKS}
   * @param keystorePassword the keystore's password
   * @param alias the key entry; may be empty when the keystore holds exactly one key
   * @param keyPassword the entry's password; empty means the keystore password
   */
  public record SigningKey(
      @DefaultValue("") String keystore,
      @DefaultValue("PKCS12") String keystoreType,
      @DefaultValue("") String keystorePassword,
      @DefaultValue("") String alias,
      @DefaultValue("") String keyPassword) {

    /** Whether a keystore is configured (else the development key is used). */
    public boolean isConfigured() {
      return !keystore.isBlank();
    }
  }

  /**
   * The demo clients (one per role) and users (one per role), all with published dev passwords.
   *
   * @param enabled whether they are registered; the {@code prod} profile refuses {@code true}
   */
  public record Demo(
      @DefaultValue("true") boolean enabled,
      @DefaultValue(DEMO_ACCOUNTING_UNIT) @Pattern(regexp = UNIT_CODE, message = UNIT_MESSAGE)
          String accountingUnit) {

    @ConstructorBinding
    public Demo {}

    /** Demo settings with the demo unit. */
    public Demo(boolean enabled) {
      this(enabled, DEMO_ACCOUNTING_UNIT);
    }
  }

  /**
   * The public browser client (Swagger UI, front-ends) that signs clerks and auditors in.
   *
   * @param enabled whether it is registered
   * @param clientId its client id
   * @param redirectUris where the authorization code may be sent (exact match)
   */
  public record Web(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("govchain-web") @NotBlank String clientId,
      @DefaultValue List<String> redirectUris) {}

  /**
   * A confidential client for the client credentials grant.
   *
   * @param id the client id (the token's {@code sub})
   * @param secret the secret's hash with its encoder id, e.g. {@code {bcrypt}$2a$10$…}
   * @param roles the roles its tokens carry; may be empty for a resource server only
   * @param unit the unified social credit code of the unit the account keeps books for ({@code
   *     unit} claim, accounting clerks), or empty
   * @param resourceServer whether it is a resource server, the only kind of client that may
   *     introspect tokens ({@code /oauth2/introspect})
   */
  public record Client(
      @NotBlank String id,
      @NotBlank @Pattern(regexp = ENCODED, message = ENCODED_MESSAGE) String secret,
      @NotNull @DefaultValue List<Role> roles,
      @DefaultValue("") @Pattern(regexp = UNIT_CODE, message = UNIT_MESSAGE) String unit,
      @DefaultValue("false") boolean resourceServer) {

    @ConstructorBinding
    public Client {}

    /** {@code Client} with roles, bound to {@code unit}, not a resource server. */
    public Client(String id, String secret, List<Role> roles, String unit) {
      this(id, secret, roles, unit, false);
    }

    /** {@code Client} with roles, bound to no unit, not a resource server. */
    public Client(String id, String secret, List<Role> roles) {
      this(id, secret, roles, "");
    }

    /**
     * Only a resource server may go without roles: it introspects tokens and needs none, and its
     * own tokens, carrying none, open nothing.
     */
    @AssertTrue(message = "roles must not be empty, unless resource-server is true")
    public boolean isRolesGiven() {
      return resourceServer || (roles != null && !roles.isEmpty());
    }
  }

  /**
   * A person who can sign in with the web client.
   *
   * @param name the user name (the token's {@code sub})
   * @param password the password's hash with its encoder id, e.g. {@code {bcrypt}$2a$10$…}
   * @param roles the roles their tokens carry
   * @param unit the unified social credit code of the unit the account keeps books for ({@code
   *     unit} claim, accounting clerks), or empty
   */
  public record User(
      @NotBlank String name,
      @NotBlank @Pattern(regexp = ENCODED, message = ENCODED_MESSAGE) String password,
      @NotEmpty List<Role> roles,
      @DefaultValue("") @Pattern(regexp = UNIT_CODE, message = UNIT_MESSAGE) String unit) {

    @ConstructorBinding
    public User {}

    /** {@code User} bound to no unit. */
    public User(String name, String password, List<Role> roles) {
      this(name, password, roles, "");
    }
  }

  /**
   * How failed client authentications (token, introspection and revocation endpoints) and failed
   * sign-ins are slowed down (README, "Failed authentications"). Held in memory: the auth server
   * runs as one instance.
   *
   * @param maxFailures consecutive failures of one client id or account name before it is locked
   * @param addressMaxFailures consecutive failures from one remote address (any name) before every
   *     attempt from it is locked
   * @param initialBackoff the first lock's length; each further failure doubles it
   * @param maxBackoff the longest lock
   * @param resetAfter a counter without a new failure for this long is forgotten; longer than
   *     {@code maxBackoff}, so that waiting out the longest lock does not start the count afresh
   * @param maxEntries the most counters kept (client ids, account names and addresses together);
   *     the least recently used goes first, so random names cannot grow the memory
   */
  public record Throttle(
      @DefaultValue("5") @Min(1) int maxFailures,
      @DefaultValue("20") @Min(1) int addressMaxFailures,
      @DefaultValue("1s") @NotNull Duration initialBackoff,
      @DefaultValue("5m") @NotNull Duration maxBackoff,
      @DefaultValue("15m") @NotNull Duration resetAfter,
      @DefaultValue("10000") @Min(100) int maxEntries) {

    /** The defaults {@code application.yml} documents. */
    public static Throttle defaults() {
      return new Throttle(
          5, 20, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(15), 10_000);
    }

    @AssertTrue(
        message =
            "initial-backoff must be positive, max-backoff at least initial-backoff and"
                + " reset-after longer than max-backoff")
    public boolean isBackoffConsistent() {
      return initialBackoff != null
          && maxBackoff != null
          && resetAfter != null
          && !initialBackoff.isNegative()
          && !initialBackoff.isZero()
          && maxBackoff.compareTo(initialBackoff) >= 0
          && resetAfter.compareTo(maxBackoff) > 0;
    }
  }
}
