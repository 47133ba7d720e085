package org.govchain.bench.merkle;

import java.util.Random;
import org.govchain.anchor.merkle.MerkleProofs;

/**
 * Prints, for tree sizes 2^10 to 2^40, how many stored nodes an inclusion proof, a consistency
 * proof and a root read (average and maximum over random indices, plus the first and last leaf),
 * next to log2(n). Plans need no tree, so this is exact and instant.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.govchain.bench.merkle.ReadsPerProof}
 */
public final class ReadsPerProof {

  private static final int SAMPLES = 20_000;

  private ReadsPerProof() {}

  public static void main(String[] args) {
    System.out.println(
        "| size | log2 n | inclusion avg | inclusion max | consistency avg | consistency max"
            + " | root |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
    Random random = new Random(4);
    for (int exp = 10; exp <= 40; exp += 2) {
      boolean neighbours = exp % 6 == 4; // 10, 16, 22, 28, 34, 40: also 2^k - 1 and 2^k + 1
      for (long size :
          neighbours
              ? new long[] {(1L << exp) - 1, 1L << exp, (1L << exp) + 1}
              : new long[] {1L << exp}) {
        printRow(size, random);
      }
    }
  }

  private static void printRow(long size, Random random) {
    long incSum = 0;
    int incMax = 0;
    long conSum = 0;
    int conMax = 0;
    for (int s = 0; s < SAMPLES; s++) {
      long index = s == 0 ? 0 : s == 1 ? size - 1 : Math.floorMod(random.nextLong(), size);
      int inc = MerkleProofs.inclusionPlan(index, size).nodes().size();
      incSum += inc;
      incMax = Math.max(incMax, inc);
      long m = 1 + Math.floorMod(random.nextLong(), size);
      int con = MerkleProofs.consistencyPlan(m, size).nodes().size();
      conSum += con;
      conMax = Math.max(conMax, con);
    }
    System.out.printf(
        "| %d | %.2f | %.2f | %d | %.2f | %d | %d |%n",
        size,
        Math.log(size) / Math.log(2),
        (double) incSum / SAMPLES,
        incMax,
        (double) conSum / SAMPLES,
        conMax,
        MerkleProofs.rootPlan(size).nodes().size());
  }
}
