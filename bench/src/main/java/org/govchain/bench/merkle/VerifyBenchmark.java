package org.govchain.bench.merkle;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.govchain.anchor.merkle.MemoryTree;
import org.govchain.anchor.merkle.MerkleVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verification of inclusion and consistency proofs of a 2^20-leaf tree, per second on one thread:
 * what an auditor's verifier does for each record (the chain lookup not included).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class VerifyBenchmark {

  private static final int SAMPLES = 1024;

  @Param({"1048576"})
  public long size;

  private final long[] indices = new long[SAMPLES];
  private final byte[][] leaves = new byte[SAMPLES][];
  private final List<?>[] inclusionProofs = new List<?>[SAMPLES];
  private final long[] olderSizes = new long[SAMPLES];
  private final byte[][] olderRoots = new byte[SAMPLES][];
  private final List<?>[] consistencyProofs = new List<?>[SAMPLES];
  private byte[] root;
  private int next;

  @Setup
  public void setUp() {
    MemoryTree tree = Trees.memoryTree(size);
    root = tree.root();
    Random random = new Random(2);
    for (int i = 0; i < SAMPLES; i++) {
      indices[i] = Math.floorMod(random.nextLong(), size);
      leaves[i] = tree.leafHash(indices[i]);
      inclusionProofs[i] = tree.inclusionProof(indices[i], size);
      olderSizes[i] = 1 + Math.floorMod(random.nextLong(), size - 1);
      olderRoots[i] = tree.root(olderSizes[i]);
      consistencyProofs[i] = tree.consistencyProof(olderSizes[i], size);
    }
  }

  @Benchmark
  @SuppressWarnings("unchecked")
  public void verifyInclusion() {
    int i = next++ & (SAMPLES - 1);
    MerkleVerifier.verifyInclusion(
        leaves[i], indices[i], size, (List<byte[]>) inclusionProofs[i], root);
  }

  @Benchmark
  @SuppressWarnings("unchecked")
  public void verifyConsistency() {
    int i = next++ & (SAMPLES - 1);
    MerkleVerifier.verifyConsistency(
        olderSizes[i], size, olderRoots[i], root, (List<byte[]>) consistencyProofs[i]);
  }
}
