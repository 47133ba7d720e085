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

/** {@code verify-inclusion}: checks an RFC 9162 inclusion proof against a root. */
@Command(
    name = "verify-inclusion",
    description = "Verifies that the leaf hash H is leaf I of the tree of size N with root R.")
final class VerifyInclusionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--leaf-hash", required = true, description = "The leaf hash, hex.")
  String leafHash;

  @Option(names = "--index", required = true, description = "The leaf's index, from 0.")
  long index;

  @Option(names = "--size", required = true, description = "The tree size.")
  long size;

  @Option(names = "--root", required = true, description = "The tree's root hash, hex.")
  String root;

  @Option(names = "--proof", required = true, description = "The proof: one hex hash a line.")
  Path proof;

  @Override
  public Integer call() {
    byte[] leaf = HashInput.hash(leafHash, "--leaf-hash");
    byte[] rootHash = HashInput.hash(root, "--root");
    HashInput.checkSize(index, "--index");
    HashInput.checkSize(size, "--size");
    List<byte[]> path = HashInput.proofFile(proof);
    try {
      MerkleVerifier.verifyInclusion(leaf, index, size, path, rootHash);
    } catch (ProofException e) {
      spec.commandLine().getOut().println("INVALID: " + e.getMessage());
      return GovchainVerify.FAILED;
    }
    spec.commandLine().getOut().println("VALID: leaf " + index + " is in the tree of size " + size);
    return 0;
  }
}
