package org.govchain.operator.registry;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.govchain.operator.OperatorException;

/**
 * An installation's AnchorRegistry, as recorded where the services read it: the address under the
 * variable the services take it from, with the chain, owner and deployment block beside it.
 *
 * @param chainId the chain id
 * @param registry the contract address
 * @param owner the owner's address
 * @param blockNumber the chain's block number right after the deployment
 * @param deployedAt when it was deployed
 */
public record RegistryDeployment(
    long chainId, String registry, String owner, long blockNumber, Instant deployedAt) {

  /** The variable the services read the registry address from. */
  public static final String ADDRESS = "GOVCHAIN_ANCHOR_REGISTRY_ADDRESS";

  static final String CHAIN_ID = "GOVCHAIN_REGISTRY_CHAIN_ID";
  static final String OWNER = "GOVCHAIN_REGISTRY_OWNER";
  static final String BLOCK = "GOVCHAIN_REGISTRY_DEPLOYED_BLOCK";
  static final String DEPLOYED_AT = "GOVCHAIN_REGISTRY_DEPLOYED_AT";

  /** The record as name/value pairs, the address first. */
  public Map<String, String> toEntries() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put(ADDRESS, registry);
    entries.put(CHAIN_ID, Long.toString(chainId));
    entries.put(OWNER, owner);
    entries.put(BLOCK, Long.toString(blockNumber));
    entries.put(DEPLOYED_AT, deployedAt.toString());
    return entries;
  }

  /**
   * The record in {@code entries}, or empty if they hold no address.
   *
   * @param where where the entries were read, for the message
   * @throws OperatorException if an address is there but the rest is missing or malformed
   */
  public static Optional<RegistryDeployment> fromEntries(
      Map<String, String> entries, String where) {
    String address = entries.get(ADDRESS);
    if (address == null || address.isBlank()) {
      return Optional.empty();
    }
    try {
      if (!address.matches("0x[0-9a-fA-F]{40}")) {
        throw new IllegalArgumentException(ADDRESS + " is not an address: " + address);
      }
      return Optional.of(
          new RegistryDeployment(
              Long.parseLong(required(entries, CHAIN_ID)),
              address,
              required(entries, OWNER),
              Long.parseLong(required(entries, BLOCK)),
              Instant.parse(required(entries, DEPLOYED_AT))));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new OperatorException(
          where
              + " is not a registry record written by registry-setup ("
              + e.getMessage()
              + "); restore it from a backup or delete it to deploy a new registry",
          e);
    }
  }

  private static String required(Map<String, String> entries, String name) {
    String value = entries.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is missing");
    }
    return value.strip();
  }
}
