package org.govchain.verifier;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.govchain.anchor.merkle.MerkleVerifier;
import org.govchain.anchor.merkle.ProofException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code verify-consistency}: checks that a tree of size N extends the tree of size M. */
@Command(
    name = "verify-consistency",
    description =
        "Verifies that the tree of size N (root R2) is an append-only extension of size M (root R1).")
final class VerifyConsistencyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--from", required = true, description = "The older tree size M.")
  long from;

  @Option(names = "--to", required = true, description = "The newer tree size N.")
  long to;

  @Option(names = "--old-root", required = true, description = "Root of size M, hex.")
  String oldRoot;

  @Option(names = "--new-root", required = true, description = "Root of size N, hex.")
  String newRoot;

  @Option(names = "--proof", required = true, description = "The proof: one hex hash a line.")
  Path proof;

  @Override
  public Integer call() {
    byte[] root1 = HashInput.hash(oldRoot, "--old-root");
    byte[] root2 = HashInput.hash(newRoot, "--new-root");
    HashInput.checkSize(from, "--from");
    HashInput.checkSize(to, "--to");
    List<byte[]> path = HashInput.proofFile(proof);
    try {
      MerkleVerifier.verifyConsistency(from, to, root1, root2, path);
    } catch (ProofException e) {
      spec.commandLine().getOut().println("INVALID: " + e.getMessage());
      return GovchainVerify.FAILED;
    }
    spec.commandLine()
        .getOut()
        .println("VALID: the tree of size " + to + " extends the tree of size " + from);
    return 0;
  }
}
