package org.govchain.verifier;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.govchain.anchor.canonical.CanonicalJsonException;
import org.govchain.anchor.canonical.Jcs;
import picocli.CommandLine.Command;

/**
 * {@code canonicalize}: JSON on standard input, its RFC 8785 canonical bytes on standard output.
 */
@Command(
    name = "canonicalize",
    description = "Reads JSON on stdin and writes its RFC 8785 (JCS) canonical form to stdout.")
final class CanonicalizeCommand implements Callable<Integer> {

  @Override
  public Integer call() throws IOException {
    byte[] canonical;
    try {
      canonical = Jcs.canonicalize(System.in.readAllBytes());
    } catch (CanonicalJsonException e) {
      throw new BadInputException("not canonicalizable JSON: " + e.getMessage(), e);
    }
    System.out.write(canonical);
    System.out.flush();
    return 0;
  }
}
