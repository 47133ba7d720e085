package org.govchain.anchor.chain;

/** No contract code exists at the configured registry address on this chain. */
public final class RegistryNotFoundException extends ChainException {

  private static final long serialVersionUID = 1L;

  private final String address;

  public RegistryNotFoundException(String address) {
    super("no contract code at registry address " + address);
    this.address = address;
  }

  public String address() {
    return address;
  }
}
