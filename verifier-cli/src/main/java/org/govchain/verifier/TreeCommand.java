package org.govchain.verifier;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.govchain.anchor.merkle.MemoryTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tree root|inclusion|consistency}: computes roots and proofs from a file of leaves. */
@Command(
    name = "tree",
    description =
        "Computes a Merkle root or proof from a file holding one leaf's data per line, in hex.",
    subcommands = {
      TreeCommand.Root.class,
      TreeCommand.Inclusion.class,
      TreeCommand.Consistency.class
    })
final class TreeCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing a subcommand: root, inclusion or consistency");
  }

  private static final HexFormat HEX = HexFormat.of();

  private static void printHashes(CommandSpec spec, List<byte[]> hashes) {
    PrintWriter out = spec.commandLine().getOut();
    hashes.forEach(h -> out.println(HEX.formatHex(h)));
    out.flush();
  }

  /** {@code tree root --leaves FILE}. */
  @Command(name = "root", description = "Prints the root hash of all the leaves, in hex.")
  static final class Root implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--leaves", required = true, description = "File of leaves, one hex per line.")
    Path leaves;

    @Option(names = "--size", description = "Root of the first N leaves (default: all).")
    Long size;

    @Override
    public void run() {
      MemoryTree tree = HashInput.treeOfLeaves(leaves);
      long n = size == null ? tree.size() : size;
      checkWithin(n, tree.size(), "--size");
      printHashes(spec, List.of(tree.root(n)));
    }
  }

  /** {@code tree inclusion --leaves FILE --index I [--size N]}. */
  @Command(
      name = "inclusion",
      description =
          "Prints the inclusion proof of leaf I in the tree of size N, one hex hash a line.")
  static final class Inclusion implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--leaves", required = true, description = "File of leaves, one hex per line.")
    Path leaves;

    @Option(names = "--index", required = true, description = "The leaf's index, from 0.")
    long index;

    @Option(names = "--size", description = "Tree size (default: all leaves).")
    Long size;

    @Override
    public void run() {
      MemoryTree tree = HashInput.treeOfLeaves(leaves);
      long n = size == null ? tree.size() : size;
      checkWithin(n, tree.size(), "--size");
      if (index < 0 || index >= n) {
        throw new BadInputException("--index " + index + " is not a leaf of a tree of size " + n);
      }
      printHashes(spec, tree.inclusionProof(index, n));
    }
  }

  /** {@code tree consistency --leaves FILE --from M --to N}. */
  @Command(
      name = "consistency",
      description = "Prints the consistency proof from tree size M to N, one hex hash a line.")
  static final class Consistency implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--leaves", required = true, description = "File of leaves, one hex per line.")
    Path leaves;

    @Option(names = "--from", required = true, description = "The older tree size M.")
    long from;

    @Option(names = "--to", required = true, description = "The newer tree size N >= M.")
    long to;

    @Override
    public void run() {
      MemoryTree tree = HashInput.treeOfLeaves(leaves);
      checkWithin(to, tree.size(), "--to");
      HashInput.checkSize(from, "--from");
      if (from > to) {
        throw new BadInputException("--from " + from + " is greater than --to " + to);
      }
      printHashes(spec, tree.consistencyProof(from, to));
    }
  }

  private static void checkWithin(long n, long available, String option) {
    HashInput.checkSize(n, option);
    if (n > available) {
      throw new BadInputException(
          option + " " + n + " is larger than the " + available + " leaves in the file");
    }
  }
}
