package org.govchain.bench.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.govchain.anchor.merkle.MerkleHasher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Baseline: an inclusion proof recomputed from all leaf hashes by the RFC's recursive PATH and MTH,
 * i.e. what a store that keeps only leaves must do (O(n) hashes per proof). Compare with {@link
 * ProofBuildBenchmark#inclusionProof} at the same size.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class NaiveProofBenchmark {

  private static final int SAMPLES = 256;

  @Param({"1024", "16384"})
  public int size;

  private byte[][] leaves;
  private final int[] indices = new int[SAMPLES];
  private int next;

  @Setup
  public void setUp() {
    leaves = new byte[size][];
    for (int i = 0; i < size; i++) {
      leaves[i] = Trees.leafHash(i);
    }
    Random random = new Random(3);
    for (int i = 0; i < SAMPLES; i++) {
      indices[i] = random.nextInt(size);
    }
  }

  @Benchmark
  public List<byte[]> inclusionProofFromAllLeaves() {
    List<byte[]> proof = new ArrayList<>();
    path(indices[next++ & (SAMPLES - 1)], 0, size, proof);
    return proof;
  }

  private void path(int m, int from, int to, List<byte[]> proof) {
    int n = to - from;
    if (n == 1) {
      return;
    }
    int k = Integer.highestOneBit(n - 1);
    if (m < k) {
      path(m, from, from + k, proof);
      proof.add(mth(from + k, to));
    } else {
      path(m - k, from + k, to, proof);
      proof.add(mth(from, from + k));
    }
  }

  private byte[] mth(int from, int to) {
    int n = to - from;
    if (n == 1) {
      return leaves[from];
    }
    int k = Integer.highestOneBit(n - 1);
    return MerkleHasher.nodeHash(mth(from, from + k), mth(from + k, to));
  }
}
