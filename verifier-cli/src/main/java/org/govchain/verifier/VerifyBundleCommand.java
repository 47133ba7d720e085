package org.govchain.verifier;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.govchain.anchor.bundle.BundleVerifier;
import org.govchain.anchor.bundle.MalformedBundleException;
import org.govchain.anchor.bundle.ProofBundle;
import org.govchain.anchor.bundle.ProofBundleJson;
import org.govchain.anchor.bundle.Verification;
import org.govchain.anchor.checkpoint.NoteVerifier;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verify BUNDLE.json --rpc URL}: the full check of a proof bundle against the chain. */
@Command(
    name = "verify",
    description = {
      "Verifies a govchain.proof/v1 bundle: recomputes the leaf hash, folds the inclusion path to"
          + " the root, and asks the chain's AnchorRegistry whether it holds that root for that"
          + " tree size, deep enough. Prints the verdict and why."
    })
final class VerifyBundleCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BUNDLE.json", description = "The proof bundle file.")
  Path bundleFile;

  @Option(
      names = "--rpc",
      required = true,
      description = "The chain's JSON-RPC URL (any node of the chain the bundle names).")
  String rpcUrl;

  @Option(
      names = "--confirmations",
      defaultValue = "1",
      description =
          "Blocks the anchor must be deep, counting its own block (default: ${DEFAULT-VALUE});"
              + " choose by the chain's finality.")
  long confirmations;

  @Option(
      names = "--log-key",
      paramLabel = "VKEY",
      description =
          "The log's note verifier key (name+hash+base64). When given, the bundle's signed"
              + " checkpoint must carry a valid signature by it.")
  String logKey;

  @Override
  public Integer call() {
    if (confirmations < 1) {
      throw new BadInputException("--confirmations must be at least 1, got " + confirmations);
    }
    NoteVerifier noteVerifier = null;
    if (logKey != null) {
      try {
        noteVerifier = NoteVerifier.fromVerifierKey(logKey);
      } catch (RuntimeException e) {
        throw new BadInputException("--log-key: " + e.getMessage(), e);
      }
    }
    ProofBundle bundle = readBundle();
    Web3j web3j = Web3j.build(new HttpService(rpcUrl));
    try {
      Verification result = new BundleVerifier(web3j).verify(bundle, confirmations, noteVerifier);
      PrintWriter out = spec.commandLine().getOut();
      out.println(result.verdict());
      result.reasons().forEach(r -> out.println("  " + r));
      out.flush();
      return result.isValid() ? 0 : GovchainVerify.FAILED;
    } finally {
      web3j.shutdown();
    }
  }

  private ProofBundle readBundle() {
    byte[] json;
    try {
      json = Files.readAllBytes(bundleFile);
    } catch (IOException e) {
      throw new BadInputException("cannot read " + bundleFile + ": " + e.getMessage(), e);
    }
    try {
      return ProofBundleJson.parse(json);
    } catch (MalformedBundleException e) {
      throw new BadInputException(bundleFile + ": " + e.getMessage(), e);
    }
  }
}
