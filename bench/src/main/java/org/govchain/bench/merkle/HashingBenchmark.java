package org.govchain.bench.merkle;

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

/** Leaf hashes of event envelopes, and interior node hashes, per second on one thread. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class HashingBenchmark {

  /** Size of a canonical event envelope; DESIGN §2 envelopes are a few hundred bytes. */
  @Param({"200"})
  public int envelopeBytes;

  private byte[] envelope;
  private byte[] left;
  private byte[] right;

  @Setup
  public void setUp() {
    Random random = new Random(1);
    envelope = new byte[envelopeBytes];
    random.nextBytes(envelope);
    left = Trees.leafHash(1);
    right = Trees.leafHash(2);
  }

  @Benchmark
  public byte[] leafHash() {
    return MerkleHasher.leafHash(envelope);
  }

  @Benchmark
  public byte[] nodeHash() {
    return MerkleHasher.nodeHash(left, right);
  }
}
