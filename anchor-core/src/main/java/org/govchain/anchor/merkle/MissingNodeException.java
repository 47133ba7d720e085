package org.govchain.anchor.merkle;

/** A node that a computation needs was not found in its {@link NodeSource} or lookup. */
public final class MissingNodeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient NodeId node;

  /** Creates the exception for the node that was asked for and not found. */
  public MissingNodeException(NodeId node) {
    super("node not found: " + node);
    this.node = node;
  }

  /** Returns the node that was not found. */
  public NodeId node() {
    return node;
  }
}
