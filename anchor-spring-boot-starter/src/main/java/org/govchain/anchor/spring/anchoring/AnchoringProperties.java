package org.govchain.anchor.spring.anchoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the anchorer ({@code govchain.anchor.*}); every default is listed in
 * docs/anchoring.md of this module.
 *
 * @param enabled whether the anchorer, the chain health indicator and the anchoring metrics run
 * @param rpcUrl the chain's JSON-RPC HTTP endpoint (dev default: the local Hardhat node)
 * @param chainId the chain id the endpoint must serve (dev default 31337, Hardhat)
 * @param registryAddress the AnchorRegistry contract's address; required when enabled
 * @param submitterKey hex private key of the log's registered submitter; a secret, from the
 *     environment ({@code GOVCHAIN_ANCHOR_SUBMITTER_KEY}); required when enabled; the {@code prod}
 *     profile refuses Hardhat's public development keys
 * @param interval at most one anchor transaction per interval, unless {@code everyEntries} entries
 *     wait
 * @param everyEntries anchor at once when this many sequenced entries are unanchored
 * @param checkInterval how often the anchorer looks at its backlog and its transaction in flight
 * @param confirmations blocks (the anchoring one included) before a checkpoint counts as CONFIRMED
 * @param stuckAfter a transaction without receipt for this long is replaced with higher fees
 * @param feeBumpPercent how much a replacement raises both fee cap and tip (nodes require 10+)
 * @param maxFeePerGas the highest fee cap (wei per gas) any anchor transaction may offer
 * @param lagDegradedAfter the {@code anchoring} health is DEGRADED once the oldest unanchored
 *     checkpoint is older than this
 * @param resilience retry, circuit breaker and time limit of every chain call
 */
@Validated
@ConfigurationProperties("govchain.anchor")
public record AnchoringProperties(
    @DefaultValue("false") boolean enabled,
    @NotNull @DefaultValue("http://127.0.0.1:8545") URI rpcUrl,
    @Positive @DefaultValue("31337") long chainId,
    String registryAddress,
    String submitterKey,
    @NotNull @DefaultValue("10s") Duration interval,
    @Positive @DefaultValue("1000") long everyEntries,
    @NotNull @DefaultValue("1s") Duration checkInterval,
    @Min(1) @DefaultValue("1") int confirmations,
    @NotNull @DefaultValue("60s") Duration stuckAfter,
    @Min(10) @Max(200) @DefaultValue("12") int feeBumpPercent,
    @NotNull @Positive @DefaultValue("500000000000") BigInteger maxFeePerGas,
    @NotNull @DefaultValue("5m") Duration lagDegradedAfter,
    @Valid @NotNull @DefaultValue Resilience resilience) {

  public AnchoringProperties {
    requirePositive("interval", interval);
    requirePositive("check-interval", checkInterval);
    requirePositive("stuck-after", stuckAfter);
    requirePositive("lag-degraded-after", lagDegradedAfter);
    if (enabled && (registryAddress == null || registryAddress.isBlank())) {
      throw new IllegalArgumentException("govchain.anchor.registry-address is required");
    }
    if (enabled && (submitterKey == null || submitterKey.isBlank())) {
      throw new IllegalArgumentException(
          "govchain.anchor.submitter-key is required (GOVCHAIN_ANCHOR_SUBMITTER_KEY)");
    }
  }

  /** Never prints the submitter key. */
  @Override
  public String toString() {
    return "AnchoringProperties[enabled="
        + enabled
        + ", rpcUrl="
        + rpcUrl
        + ", chainId="
        + chainId
        + ", registryAddress="
        + registryAddress
        + ", submitterKey=<secret>, interval="
        + interval
        + ", everyEntries="
        + everyEntries
        + ", confirmations="
        + confirmations
        + ", stuckAfter="
        + stuckAfter
        + "]";
  }

  private static void requirePositive(String name, Duration value) {
    if (value != null && (value.isZero() || value.isNegative())) {
      throw new IllegalArgumentException("govchain.anchor." + name + " must be positive");
    }
  }

  /**
   * How each chain call is guarded: a time limit per attempt, a circuit breaker counting each
   * attempt once, and retries (with exponential backoff) of unavailable-chain failures only.
   *
   * @param callTimeout time limit of one attempt
   * @param retryAttempts attempts in all (1 = no retry)
   * @param retryBackoff wait before the first retry, doubled for each next one
   * @param circuitWindow the sliding window, in calls, the failure rate is computed over
   * @param circuitMinimumCalls calls needed in the window before the breaker may open
   * @param circuitFailureRatePercent failure rate (percent) at which the breaker opens
   * @param circuitOpenFor how long an open breaker refuses calls before letting probes through
   * @param circuitHalfOpenCalls probe calls allowed while half open
   */
  public record Resilience(
      @NotNull @DefaultValue("10s") Duration callTimeout,
      @Min(1) @DefaultValue("3") int retryAttempts,
      @NotNull @DefaultValue("500ms") Duration retryBackoff,
      @Min(1) @DefaultValue("20") int circuitWindow,
      @Min(1) @DefaultValue("10") int circuitMinimumCalls,
      @DecimalMin("1") @DecimalMax("100") @DefaultValue("50") float circuitFailureRatePercent,
      @NotNull @DefaultValue("30s") Duration circuitOpenFor,
      @Min(1) @DefaultValue("2") int circuitHalfOpenCalls) {}
}
