package org.govchain.bench.merkle;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.govchain.anchor.merkle.MemoryTree;
import org.govchain.anchor.merkle.MerkleProofs;
import org.govchain.anchor.merkle.NodeId;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Building proofs and roots from stored perfect nodes (plan, then lookup) as the tree grows, with
 * the number of node reads each needs: the read path of the proof endpoints, with an in-memory
 * store standing in for the database so only the algorithm is measured.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(jvmArgsAppend = {"-Xms2g", "-Xmx3g"})
public class ProofBuildBenchmark {

  private static final int SAMPLES = 4096;

  /** 2^k - 1 leaves: the worst case for reads (an incomplete right edge at every level). */
  @Param({"1023", "16383", "262143", "4194303", "16777215"})
  public long size;

  private MemoryTree tree;
  private final long[] indices = new long[SAMPLES];
  private final long[] olderSizes = new long[SAMPLES];

  /**
   * Node reads, reported by JMH as reads/s next to the op rate (their ratio is reads per op), and
   * printed exactly, per op, at the end of each iteration.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Reads {
    public long nodeReads;
    long ops;
    int next;

    @Setup(Level.Iteration)
    public void reset() {
      nodeReads = 0;
      ops = 0;
    }

    @TearDown(Level.Iteration)
    public void report() {
      System.out.printf(
          "%n[reads] %.3f node reads per op%n", ops == 0 ? 0.0 : (double) nodeReads / ops);
    }
  }

  @Setup(Level.Trial)
  public void buildTree() {
    tree = Trees.memoryTree(size);
    Random random = new Random(3);
    for (int i = 0; i < SAMPLES; i++) {
      indices[i] = Math.floorMod(random.nextLong(), size);
      olderSizes[i] = 1 + Math.floorMod(random.nextLong(), size);
    }
  }

  @Benchmark
  public List<byte[]> inclusionProof(Reads reads) {
    long index = indices[reads.next++ & (SAMPLES - 1)];
    reads.ops++;
    return MerkleProofs.inclusionPlan(index, size).proof(id -> read(reads, id));
  }

  @Benchmark
  public List<byte[]> consistencyProof(Reads reads) {
    long m = olderSizes[reads.next++ & (SAMPLES - 1)];
    reads.ops++;
    return MerkleProofs.consistencyPlan(m, size).proof(id -> read(reads, id));
  }

  @Benchmark
  public byte[] root(Reads reads) {
    reads.ops++;
    return MerkleProofs.rootPlan(size).root(id -> read(reads, id));
  }

  private byte[] read(Reads reads, NodeId id) {
    reads.nodeReads++;
    return tree.node(id);
  }
}
