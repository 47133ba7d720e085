package org.govchain.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The launcher's state directory ({@code GOVCHAIN_HOME}, default {@code .govchain/}): everything a
 * second start needs to find the first one's data. Deleting it resets the local suite.
 *
 * @param dir the directory itself
 */
record Home(Path dir) {

  /** The dev chain's database (ganache), kept across starts. */
  Path chain() {
    return dir.resolve("chain");
  }

  /** The registry deployment made on the first start. */
  Path deployment() {
    return dir.resolve("devchain.json");
  }

  /** Per-installation dev keys (never committed, never printed). */
  Path keys() {
    return dir.resolve("keys");
  }

  /** The embedded PostgreSQL data directory. */
  Path postgres() {
    return dir.resolve("postgres");
  }

  /** One log file per process. */
  Path logs() {
    return dir.resolve("logs");
  }

  /** The log file of one process, e.g. {@code logs/seal-service.log}. */
  Path log(String name) {
    return logs().resolve(name + ".log");
  }

  /** Sample files for the printed walkthrough. */
  Path samples() {
    return dir.resolve("samples");
  }

  /** An application's own data directory (e.g. the auth server's signing key). */
  Path data(String name) {
    return dir.resolve(name);
  }

  /** The lock that keeps two launchers off one state directory. */
  Path lockFile() {
    return dir.resolve("launcher.lock");
  }

  /** The processes the running launcher started ({@link RunRecord}). */
  Path runRecord() {
    return dir.resolve("processes");
  }

  /** Creates the directories that must exist before anything starts. */
  void create() throws IOException {
    Files.createDirectories(dir);
    Files.createDirectories(logs());
    Files.createDirectories(samples());
  }
}
