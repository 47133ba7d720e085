package org.govchain.anchor.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compact range emits exactly the stored perfect nodes and resumes from its frontier. */
class CompactRangeTest {

  private static final int MAX = 300;

  @Test
  void frontierHasOneNodePerSetBitLargestFirst() {
    assertThat(CompactRange.frontier(0)).isEmpty();
    assertThat(CompactRange.frontier(1)).containsExactly(NodeId.of(0, 0));
    assertThat(CompactRange.frontier(8)).containsExactly(NodeId.of(3, 0));
    assertThat(CompactRange.frontier(11))
        .containsExactly(NodeId.of(3, 0), NodeId.of(1, 4), NodeId.of(0, 10));
    assertThat(CompactRange.frontier(Long.MAX_VALUE)).hasSize(63);
    assertThatThrownBy(() -> CompactRange.frontier(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void appendingEmitsExactlyTheNodesMemoryTreeStores() {
    MemoryTree tree = new MemoryTree();
    CompactRange range = CompactRange.empty();
    Map<NodeId, byte[]> emitted = new LinkedHashMap<>();
    for (int i = 0; i < MAX; i++) {
      byte[] leaf = TestLeaves.leafHash(i);
      tree.append(leaf);
      List<NodeId> now = new ArrayList<>();
      range.append(
          leaf,
          (id, hash) -> {
            now.add(id);
            assertThat(emitted.put(id, hash)).as("emitted twice: %s", id).isNull();
          });
      long size = i + 1;
      // The leaf first, then every ancestor it completes, bottom up.
      assertThat(now.get(0)).isEqualTo(NodeId.leaf(i));
      assertThat(now).hasSize(1 + Long.numberOfTrailingZeros(size));
      assertThat(now).allSatisfy(id -> assertThat(id.end()).isEqualTo(size));
      assertThat(range.size()).isEqualTo(size);
      assertThat(range.root()).isEqualTo(tree.root());
      assertThat(range.frontier()).isEqualTo(CompactRange.frontier(size));
    }
    // Every perfect node of a 300-leaf tree, each with MemoryTree's hash, and nothing else.
    int expectedCount = 0;
    for (int level = 0; level < 63; level++) {
      expectedCount += (int) ((long) MAX >>> level);
    }
    assertThat(emitted).hasSize(expectedCount);
    emitted.forEach((id, hash) -> assertThat(hash).as("%s", id).isEqualTo(tree.node(id)));
  }

  @Test
  void resumedRangeContinuesIdentically() {
    Map<NodeId, byte[]> stored = new HashMap<>();
    CompactRange original = CompactRange.empty();
    List<byte[]> roots = new ArrayList<>();
    for (int i = 0; i < MAX; i++) {
      original.append(TestLeaves.leafHash(i), stored::put);
      roots.add(original.root());
    }
    for (int start = 0; start < 70; start++) {
      CompactRange resumed = CompactRange.resume(start, stored::get);
      assertThat(resumed.size()).isEqualTo(start);
      Map<NodeId, byte[]> emitted = new HashMap<>();
      for (int i = start; i < MAX; i++) {
        resumed.append(TestLeaves.leafHash(i), emitted::put);
        assertThat(resumed.root())
            .as("root %d resumed at %d", i + 1, start)
            .isEqualTo(roots.get(i));
      }
      emitted.forEach((id, hash) -> assertThat(hash).isEqualTo(stored.get(id)));
    }
  }

  @Test
  void emptyRangeHasTheEmptyRoot() {
    assertThat(CompactRange.empty().root()).isEqualTo(MerkleHasher.emptyRoot());
    assertThat(CompactRange.resume(0, id -> null).root()).isEqualTo(MerkleHasher.emptyRoot());
  }

  @Test
  void resumeReportsTheMissingFrontierNode() {
    MemoryTree tree = TestLeaves.memoryTree(11);
    Map<NodeId, byte[]> stored = new HashMap<>();
    CompactRange.frontier(11).forEach(id -> stored.put(id, tree.node(id)));
    stored.remove(NodeId.of(1, 4));
    assertThatThrownBy(() -> CompactRange.resume(11, stored::get))
        .isInstanceOfSatisfying(
            MissingNodeException.class, e -> assertThat(e.node()).isEqualTo(NodeId.of(1, 4)));
  }

  @Test
  void frontierHashesFoldToTheRoot() {
    MemoryTree tree = TestLeaves.memoryTree(13);
    CompactRange range = CompactRange.resume(13, tree);
    List<byte[]> hashes = range.frontierHashes();
    assertThat(hashes).hasSize(3);
    byte[] root =
        MerkleHasher.nodeHash(hashes.get(0), MerkleHasher.nodeHash(hashes.get(1), hashes.get(2)));
    assertThat(root).isEqualTo(tree.root());
  }

  @Test
  void rejectsLeafHashOfWrongLength() {
    assertThatThrownBy(() -> CompactRange.empty().append(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("31 bytes");
  }
}
