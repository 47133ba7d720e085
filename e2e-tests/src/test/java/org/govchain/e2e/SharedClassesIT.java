package org.govchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.govchain.cds.Launch;
import org.govchain.cds.SharedClasses;
import org.govchain.testsupport.process.AppProcess;
import org.govchain.testsupport.process.AuthServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class data sharing on a real application (class-data-sharing's {@code SharedClasses} through
 * test-support's {@code AppProcess}): without an archive a start that may only share runs the jar
 * as it is and writes none; a start asked to train writes the archive as it stops; the next start
 * maps that archive into its memory and works; the log says which start did what. A copy of the
 * jar, so that the rest of the run's archive does not decide. (The e2e tests run one class at a
 * time in one JVM, so the system property set here for one start reaches no other test.)
 */
class SharedClassesIT {

  @TempDir Path dir;

  @Test
  void anApplicationsFirstRunWritesTheArchiveAndItsNextRunMapsIt() throws IOException {
    Path jar = Files.copy(authServerJar(), dir.resolve("auth-server.jar"));
    Path cache = SharedClasses.cacheBeside(jar);
    String redirect = "http://localhost:1/swagger-ui/oauth2-redirect.html";

    String before = System.getProperty(AppProcess.CLASS_SHARING_PROPERTY);
    // a start that may only share runs a jar without an archive as it is and writes none
    System.setProperty(AppProcess.CLASS_SHARING_PROPERTY, "share");
    try (AuthServer plain = AuthServer.start(jar, dir.resolve("data"), redirect)) {
      assertThat(plain.process().launch().mode()).isEqualTo(Launch.Mode.PLAIN);
      assertThat(plain.process().output()).startsWith("=== auth-server without shared classes: ");
    } finally {
      restore(before);
    }
    assertThat(cache).doesNotExist();

    System.setProperty(AppProcess.CLASS_SHARING_PROPERTY, "train");
    try (AuthServer first = AuthServer.start(jar, dir.resolve("data"), redirect)) {
      assertThat(first.process().launch().mode()).isEqualTo(Launch.Mode.TRAINING);
      assertThat(first.process().output()).startsWith("=== auth-server writing ");
      assertThat(first.clientToken("seal-clerk")).isNotBlank();
    } finally {
      restore(before);
    }
    Path archive = onlyArchive(cache);

    try (AuthServer second = AuthServer.start(jar, dir.resolve("data"), redirect)) {
      assertThat(second.process().launch().mode()).isEqualTo(Launch.Mode.SHARING);
      assertThat(second.process().output())
          .startsWith("=== auth-server with the shared classes of " + archive);
      // the kernel's list of what the process mapped: the archive is there, not merely named
      assertThat(Files.readString(Path.of("/proc", Long.toString(second.process().pid()), "maps")))
          .contains(archive.toString());
      assertThat(second.clientToken("auditor")).isNotBlank();
    }
    try (Stream<Path> left = Files.list(archive.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("no training file left behind")
          .containsExactlyInAnyOrder("app", "classes.jsa");
    }
  }

  private static void restore(String before) {
    if (before == null) {
      System.clearProperty(AppProcess.CLASS_SHARING_PROPERTY);
    } else {
      System.setProperty(AppProcess.CLASS_SHARING_PROPERTY, before);
    }
  }

  private static Path onlyArchive(Path cache) throws IOException {
    try (Stream<Path> entries = Files.list(cache)) {
      Path entry =
          entries
              .reduce(
                  (a, b) -> {
                    throw new AssertionError("more than one cache entry: " + a + ", " + b);
                  })
              .orElseThrow();
      Path archive = entry.resolve("classes.jsa");
      assertThat(archive).as("written by the first run as it stopped").isRegularFile();
      return archive;
    }
  }

  private static Path authServerJar() {
    String path = System.getProperty("govchain.e2e.auth-server.jar");
    assertThat(path)
        .as("system property govchain.e2e.auth-server.jar (run through Maven)")
        .isNotNull();
    return Path.of(path);
  }
}
