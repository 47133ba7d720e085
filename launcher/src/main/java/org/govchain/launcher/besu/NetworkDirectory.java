package org.govchain.launcher.besu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The directory a network is written to: {@code genesis.json}, {@code static-nodes.json} and, per
 * validator, {@code validator-<i>/key} (owner-only), {@code key.pub} and {@code address}. Refuses
 * to replace a network already there unless told to.
 */
public final class NetworkDirectory {

  static final String GENESIS = "genesis.json";
  static final String STATIC_NODES = "static-nodes.json";
  static final String KEY = "key";
  static final String PUBLIC_KEY = "key.pub";
  static final String ADDRESS = "address";

  private static final Pattern VALIDATOR_DIR = Pattern.compile("validator-[0-9]+");

  private final Path dir;

  public NetworkDirectory(Path dir) {
    this.dir = dir;
  }

  /** Validator {@code index}'s directory. */
  public Path validator(int index) {
    return dir.resolve("validator-" + index);
  }

  /** The network files already in the directory, relative to it; empty if there are none. */
  public List<Path> existingNetwork() throws IOException {
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return found;
    }
    for (String name : List.of(GENESIS, STATIC_NODES)) {
      if (Files.exists(dir.resolve(name))) {
        found.add(Path.of(name));
      }
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (VALIDATOR_DIR.matcher(entry.getFileName().toString()).matches()) {
          found.add(entry.getFileName());
        }
      }
    }
    found.sort(null);
    return found;
  }

  /**
   * Writes {@code network} here.
   *
   * @param replace delete the network files found here first (only those: other files stay)
   * @throws ExistingNetworkException when a network is here and {@code replace} is false
   */
  public void write(BesuNetwork network, boolean replace) throws IOException {
    List<Path> existing = existingNetwork();
    if (!existing.isEmpty()) {
      if (!replace) {
        throw new ExistingNetworkException(dir, existing);
      }
      delete(existing);
    }
    if (!Files.isDirectory(dir)) {
      // it will hold keys
      Files.createDirectories(dir, posix("rwx------"));
    }
    List<ValidatorKey> validators = network.validators();
    for (int i = 0; i < validators.size(); i++) {
      ValidatorKey key = validators.get(i);
      Path validatorDir = Files.createDirectory(validator(i), posix("rwx------"));
      // one line without a newline, as Besu writes its own key files. Readable by all inside an
      // owner-only directory: compose bind-mounts the file itself into a container whose user
      // (Besu's, uid 1000) is not its owner, and no one else on the host can reach it
      write(validatorDir.resolve(KEY), key.privateKeyHex(), posix("rw-r--r--"));
      write(validatorDir.resolve(PUBLIC_KEY), key.publicKeyHex());
      write(validatorDir.resolve(ADDRESS), key.address());
    }
    write(dir.resolve(GENESIS), network.genesisJson());
    write(dir.resolve(STATIC_NODES), network.staticNodesJson());
  }

  private void delete(List<Path> existing) throws IOException {
    for (Path name : existing) {
      Path path = dir.resolve(name);
      if (Files.isDirectory(path)) {
        for (String file : List.of(KEY, PUBLIC_KEY, ADDRESS)) {
          Files.deleteIfExists(path.resolve(file));
        }
        // fails if something else is in there, which this command did not write
        Files.delete(path);
      } else {
        Files.delete(path);
      }
    }
  }

  private static void write(Path path, String content, FileAttribute<?>... attributes)
      throws IOException {
    Files.writeString(
        Files.createFile(path, attributes),
        content,
        StandardCharsets.UTF_8,
        StandardOpenOption.TRUNCATE_EXISTING);
  }

  /** These POSIX permissions at creation, where the file system has them. */
  private static FileAttribute<?>[] posix(String permissions) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
    };
  }
}
