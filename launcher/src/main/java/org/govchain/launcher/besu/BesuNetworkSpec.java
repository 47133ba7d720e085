package org.govchain.launcher.besu;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;

/**
 * What a generated Besu QBFT network looks like: how many validators, the chain id, the block
 * period, the accounts funded at genesis and the host name pattern of the validators' enode URLs.
 *
 * @param validators 1 to {@value #MAX_VALIDATORS}
 * @param chainId positive
 * @param blockPeriodSeconds the minimum block time, at least 1
 * @param fundedAddresses {@code 0x} + 40 hex digits each (an EIP-55 checksum is checked when the
 *     address has mixed case); kept lower case, in order, without duplicates
 * @param hostTemplate a validator's host name, {@value #INDEX} standing for its index (0, 1, …);
 *     needed unless there is one validator
 */
public record BesuNetworkSpec(
    int validators,
    long chainId,
    int blockPeriodSeconds,
    List<String> fundedAddresses,
    String hostTemplate) {

  public static final int MAX_VALIDATORS = 16;
  public static final long DEFAULT_CHAIN_ID = 1337;
  public static final int DEFAULT_BLOCK_PERIOD_SECONDS = 2;
  public static final String DEFAULT_HOST_TEMPLATE = "besu-validator-{i}";
  public static final String INDEX = "{i}";

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");

  public BesuNetworkSpec {
    if (validators < 1 || validators > MAX_VALIDATORS) {
      throw new IllegalArgumentException(
          "validators must be 1 to " + MAX_VALIDATORS + ", not " + validators);
    }
    if (chainId < 1) {
      throw new IllegalArgumentException("the chain id must be positive, not " + chainId);
    }
    if (blockPeriodSeconds < 1) {
      throw new IllegalArgumentException(
          "the block period must be at least 1 second, not " + blockPeriodSeconds);
    }
    fundedAddresses = normalized(Objects.requireNonNull(fundedAddresses, "fundedAddresses"));
    Objects.requireNonNull(hostTemplate, "hostTemplate");
    if (validators > 1 && !hostTemplate.contains(INDEX)) {
      throw new IllegalArgumentException(
          "the host template '"
              + hostTemplate
              + "' has no "
              + INDEX
              + ": every validator would get the same host");
    }
    String sample = hostTemplate.replace(INDEX, "0");
    if (!HOST.matcher(sample).matches()) {
      throw new IllegalArgumentException(
          "the host template '" + hostTemplate + "' does not make a host name: " + sample);
    }
  }

  /**
   * The QBFT round timeout: twice the block period, the starting point Besu's documentation gives
   * for tuning it ("Tune block timeout"); 4 s for the default 2 s period.
   */
  public int requestTimeoutSeconds() {
    return 2 * blockPeriodSeconds;
  }

  /** Validator {@code index}'s host name. */
  public String host(int index) {
    return hostTemplate.replace(INDEX, Integer.toString(index));
  }

  private static List<String> normalized(List<String> addresses) {
    Set<String> unique = new LinkedHashSet<>();
    for (String address : addresses) {
      String trimmed = address.strip();
      if (!ADDRESS.matcher(trimmed).matches()) {
        throw new IllegalArgumentException(
            "not an address (0x and 40 hex digits): '" + trimmed + "'");
      }
      String lower = trimmed.toLowerCase(Locale.ROOT);
      boolean mixedCase =
          !trimmed.substring(2).equals(lower.substring(2))
              && !trimmed.substring(2).equals(trimmed.substring(2).toUpperCase(Locale.ROOT));
      if (mixedCase && !Keys.toChecksumAddress(lower).equals(trimmed)) {
        throw new IllegalArgumentException(
            "wrong EIP-55 checksum: "
                + trimmed
                + " (expected "
                + Keys.toChecksumAddress(lower)
                + "); a typo?");
      }
      unique.add(lower);
    }
    return List.copyOf(new ArrayList<>(unique));
  }
}
