/** Failures of chain access, as the verifier tells them apart for its verdicts. */

/**
 * The chain's JSON-RPC endpoint could not be reached or did not answer a request properly: a
 * network failure, an HTTP error status, a timeout, a JSON-RPC error object or a malformed
 * response. The message names the JSON-RPC method, as ChainUnavailableException does.
 */
export class ChainUnavailableError extends Error {
  /** The JSON-RPC method that was attempted, e.g. `eth_call`. */
  readonly method: string;

  constructor(method: string, detail: string) {
    super(`${method}: chain unavailable: ${detail}`);
    this.name = 'ChainUnavailableError';
    this.method = method;
  }
}

/** The registry address answered a call with something that is not an AnchorRegistry result. */
export class RegistryCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryCallError';
  }
}

/**
 * A registry call returned no data at all: no contract code at the address (any longer), as
 * RegistryNotFoundException reports it.
 */
export class RegistryNotFoundError extends RegistryCallError {
  /** The registry address, lowercase. */
  readonly address: string;

  constructor(address: string) {
    super(`no contract code at registry address ${address}`);
    this.name = 'RegistryNotFoundError';
    this.address = address;
  }
}
