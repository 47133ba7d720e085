package org.govchain.verifier;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.govchain.anchor.merkle.MerkleHasher;
import picocli.CommandLine.Command;

/** {@code leaf-hash}: leaf data on standard input, its RFC 9162 leaf hash in hex. */
@Command(
    name = "leaf-hash",
    description =
        "Reads one leaf's data (raw bytes) on stdin and prints SHA-256(0x00 || data) in hex.")
final class LeafHashCommand implements Callable<Integer> {

  @Override
  public Integer call() throws IOException {
    byte[] data = System.in.readAllBytes();
    System.out.println(HexFormat.of().formatHex(MerkleHasher.leafHash(data)));
    return 0;
  }
}
