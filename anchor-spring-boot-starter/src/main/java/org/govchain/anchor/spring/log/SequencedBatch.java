package org.govchain.anchor.spring.log;

/**
 * One sequencer batch, committed: leaves {@code [oldSize, newSize)} and the signed checkpoint of
 * size {@code newSize}.
 *
 * @param origin the log's origin
 * @param oldSize the tree size before the batch
 * @param newSize the tree size after it (the new checkpoint's size)
 * @param rootHashHex the new checkpoint's root, lowercase hex
 * @param nodesWritten how many tree nodes the batch stored (leaves included)
 */
public record SequencedBatch(
    String origin, long oldSize, long newSize, String rootHashHex, int nodesWritten) {

  /** Leaves integrated by the batch. */
  public long leafCount() {
    return newSize - oldSize;
  }
}
