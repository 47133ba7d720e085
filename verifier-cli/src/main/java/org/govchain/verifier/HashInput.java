package org.govchain.verifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.govchain.anchor.merkle.MemoryTree;
import org.govchain.anchor.merkle.MerkleHasher;

/** Reads the command line's hex inputs: leaf files, proof files and single hashes. */
final class HashInput {

  private static final HexFormat HEX = HexFormat.of();

  private HashInput() {}

  /**
   * Builds the tree of a leaves file: one leaf's data per line, in hex (an empty line is an empty
   * leaf). Streams the file, so millions of leaves need only their hashes in memory.
   */
  static MemoryTree treeOfLeaves(Path file) {
    MemoryTree tree = new MemoryTree();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      long lineNo = 0;
      for (String line; (line = in.readLine()) != null; ) {
        lineNo++;
        tree.append(MerkleHasher.leafHash(hex(line.strip(), file + " line " + lineNo)));
      }
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return tree;
  }

  /** Reads a proof file: one 32-byte hash per line, in hex; blank lines are skipped. */
  static List<byte[]> proofFile(Path file) {
    List<byte[]> proof = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      long lineNo = 0;
      for (String line; (line = in.readLine()) != null; ) {
        lineNo++;
        if (!line.isBlank()) {
          proof.add(hash(line.strip(), file + " line " + lineNo));
        }
      }
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return proof;
  }

  /** Parses a 32-byte hash given in hex (an optional 0x prefix is accepted). */
  static byte[] hash(String text, String what) {
    byte[] value = hex(text, what);
    if (value.length != MerkleHasher.HASH_SIZE) {
      throw new BadInputException(
          what + ": a hash has 32 bytes (64 hex digits), this has " + value.length);
    }
    return value;
  }

  static byte[] hex(String text, String what) {
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    try {
      return HEX.parseHex(digits);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(what + ": not hex: '" + abbreviate(text) + "'", e);
    }
  }

  static void checkSize(long value, String name) {
    if (value < 0) {
      throw new BadInputException(name + " must not be negative, got " + value);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
