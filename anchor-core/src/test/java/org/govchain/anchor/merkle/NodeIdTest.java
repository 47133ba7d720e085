package org.govchain.anchor.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Node coordinates, their leaf ranges and their limits. */
class NodeIdTest {

  @Test
  void coversItsLeafRange() {
    NodeId node = NodeId.of(3, 5);
    assertThat(node.begin()).isEqualTo(40);
    assertThat(node.end()).isEqualTo(48);
    assertThat(node.leafCount()).isEqualTo(8);
    assertThat(node.parent()).isEqualTo(NodeId.of(4, 2));
    assertThat(node.sibling()).isEqualTo(NodeId.of(3, 4));
    assertThat(node.left()).isEqualTo(NodeId.of(2, 10));
    assertThat(node.right()).isEqualTo(NodeId.of(2, 11));
    assertThat(NodeId.leaf(9)).isEqualTo(NodeId.of(0, 9));
  }

  @Test
  void ordersByLevelThenIndex() {
    assertThat(NodeId.of(0, 9)).isLessThan(NodeId.of(1, 0));
    assertThat(NodeId.of(1, 1)).isGreaterThan(NodeId.of(1, 0));
  }

  @Test
  void rejectsNodesBeyondTheLargestTree() {
    assertThat(NodeId.of(62, 0).end()).isEqualTo(1L << 62);
    assertThat(NodeId.leaf(Long.MAX_VALUE - 1).end()).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> NodeId.of(62, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NodeId.of(63, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NodeId.leaf(Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NodeId.of(0, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NodeId.of(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NodeId.leaf(0).left()).isInstanceOf(IllegalStateException.class);
  }
}
