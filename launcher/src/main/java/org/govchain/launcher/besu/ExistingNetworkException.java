package org.govchain.launcher.besu;

import java.nio.file.Path;
import java.util.List;

/** A directory already holds a Besu network, which generating would replace. */
public final class ExistingNetworkException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path directory;
  private final transient List<Path> found;

  ExistingNetworkException(Path directory, List<Path> found) {
    super(
        directory
            + " already holds a Besu network ("
            + String.join(", ", found.stream().map(Path::toString).toList())
            + "). Its validator keys are the network's identity: the genesis block names their"
            + " addresses, so new keys make a new chain, on which the registry and every anchor"
            + " would have to start again. Move the directory away, or pass --force to replace it.");
    this.directory = directory;
    this.found = List.copyOf(found);
  }

  public Path directory() {
    return directory;
  }

  /** What was found, relative to {@link #directory()}. */
  public List<Path> found() {
    return found;
  }
}
