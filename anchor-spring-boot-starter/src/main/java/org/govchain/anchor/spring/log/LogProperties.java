package org.govchain.anchor.spring.log;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the service's log ({@code govchain.log.*}); every default is listed in the module
 * README.
 *
 * @param enabled whether the starter's log (appender, sequencer, API, metrics) is wired at all
 * @param origin the log's origin string (DESIGN §2), e.g. {@code seal.govchain.example}; required
 * @param signerKey the checkpoint signer key, C2SP {@code PRIVATE+KEY+<origin>+…}; a secret, from
 *     the environment ({@code GOVCHAIN_LOG_SIGNER_KEY}). When absent outside the {@code prod}
 *     profile, a dev-only key is generated at start; {@code prod} refuses to start without one
 * @param referenceKey the key of the log's keyed references ({@link LogReferences}), 32 or more
 *     bytes in base64; a secret, from the environment ({@code GOVCHAIN_LOG_REFERENCE_KEY}). When
 *     absent outside the {@code prod} profile, the published {@link LogReferences#DEV_KEY}; {@code
 *     prod} refuses to start without one, or with that one
 * @param api the log API under {@code {api.prefix}/log}
 * @param sequencer the background sequencer
 * @param metrics the log gauges
 */
@Validated
@ConfigurationProperties("govchain.log")
public record LogProperties(
    @DefaultValue("true") boolean enabled,
    @NotBlank String origin,
    String signerKey,
    String referenceKey,
    @Valid @NotNull @DefaultValue Api api,
    @Valid @NotNull @DefaultValue Sequencer sequencer,
    @Valid @NotNull @DefaultValue Metrics metrics) {

  /**
   * The log API.
   *
   * @param enabled whether {@code {prefix}/log/**} is served (needs a reactive web application)
   * @param prefix the service's API prefix, e.g. {@code /api/seal}; empty serves {@code /log/**}
   * @param notAnchoredRetryAfter the {@code Retry-After} sent with 409 {@code not-anchored-yet}
   */
  public record Api(
      @DefaultValue("true") boolean enabled,
      @NotNull @Pattern(regexp = "(/[A-Za-z0-9._~-]+)*") @DefaultValue("") String prefix,
      @NotNull @DefaultValue("30s") Duration notAnchoredRetryAfter) {}

  /**
   * The sequencer.
   *
   * @param enabled whether this instance runs a sequencer (any number of instances may; one writes)
   * @param interval pause after a batch that did not fill up
   * @param batchSize most entries integrated per batch (and per checkpoint)
   * @param lockKey PostgreSQL advisory-lock key; when absent, derived from the origin
   */
  public record Sequencer(
      @DefaultValue("true") boolean enabled,
      @NotNull @DefaultValue("200ms") Duration interval,
      @Min(1) @Max(100_000) @DefaultValue("1000") int batchSize,
      Long lockKey) {}

  /**
   * The log gauges.
   *
   * @param refresh how often the gauges are re-read from the database
   */
  public record Metrics(@NotNull @DefaultValue("10s") Duration refresh) {}

  /** Never prints the keys. */
  @Override
  public String toString() {
    return "LogProperties[enabled="
        + enabled
        + ", origin="
        + origin
        + ", api="
        + api
        + ", sequencer="
        + sequencer
        + ", metrics="
        + metrics
        + "]";
  }

  /**
   * The advisory-lock key of this log's sequencer: {@code sequencer.lockKey} if set, else the first
   * 8 bytes (big-endian) of {@code SHA-256("govchain.log.sequencer\n" + origin)}.
   */
  public long sequencerLockKey() {
    if (sequencer.lockKey() != null) {
      return sequencer.lockKey();
    }
    return deriveLockKey(origin);
  }

  static long deriveLockKey(String origin) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("govchain.log.sequencer\n" + origin).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
