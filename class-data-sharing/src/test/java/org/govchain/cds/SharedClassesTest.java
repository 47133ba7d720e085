package org.govchain.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link SharedClasses} and {@link Launch} do around real JVMs: a real archive (written by a
 * JVM run with {@code -XX:ArchiveClassesAtExit}) is published, a truncated one or one from a
 * SIGKILLed run never is, and a jar that cannot be extracted starts as before. The whole cycle on a
 * Spring Boot application is e2e-tests' {@code SharedClassesIT}.
 */
class SharedClassesTest {

  private static final List<String> OPTIONS = List.of("-XX:+UseSerialGC");

  @TempDir Path dir;

  @Test
  void aJarSpringBootsToolCannotExtractStartsFromTheJarWithTheReason() throws IOException {
    Path jar = plainJar(dir.resolve("plain.jar"));

    Launch launch = SharedClasses.prepare(jar, dir.resolve("cds"), OPTIONS, true);

    assertThat(launch.mode()).isEqualTo(Launch.Mode.PLAIN);
    assertThat(launch.arguments()).containsExactly("-jar", jar.toString());
    assertThat(launch.description()).contains("extracting " + jar + " failed (exit 1)");
    assertThat(launch.ended(0)).isFalse();
  }

  @Test
  void withoutAnArchiveAStartThatDoesNotTrainStartsFromTheJarAndWritesNothing() throws IOException {
    Path jar = plainJar(dir.resolve("plain.jar"));
    Path cache = dir.resolve("cds");

    Launch launch = SharedClasses.prepare(jar, cache, OPTIONS, false);

    assertThat(launch.mode()).isEqualTo(Launch.Mode.PLAIN);
    assertThat(launch.arguments()).containsExactly("-jar", jar.toString());
    assertThat(launch.description()).contains("no class archive of this build yet");
    assertThat(cache).doesNotExist();
  }

  @Test
  void theCacheKeyChangesWithEachBuildOfTheJar() throws IOException {
    Path jar = plainJar(dir.resolve("seal-service-0.1.0.jar"));
    String first = SharedClasses.key(jar);
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));

    assertThat(first).startsWith("seal-service-0.1.0-").matches(".*(-[0-9a-f]+){3}");
    assertThat(SharedClasses.key(jar)).isNotEqualTo(first);
  }

  @Test
  void preparingRemovesEarlierBuildsOfTheSameJarOnlyAndAbandonedTrainings() throws IOException {
    Path jar = plainJar(dir.resolve("gateway-0.1.0.jar"));
    Path cache = dir.resolve("cds");
    Path earlier = Files.createDirectories(cache.resolve("gateway-0.1.0-18f-2a-1b"));
    Path otherJar = Files.createDirectories(cache.resolve("gateway-extra-0.1.0-18f-2a-1b"));
    Path entry = Files.createDirectories(cache.resolve(SharedClasses.key(jar)));
    Path abandoned = Files.writeString(entry.resolve("training-old.jsa.part"), "x");
    Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    Path running = Files.writeString(entry.resolve("training-now.jsa.part"), "x");

    SharedClasses.prepare(jar, cache, OPTIONS, true);

    assertThat(earlier).doesNotExist();
    assertThat(otherJar).exists();
    assertThat(abandoned).doesNotExist();
    assertThat(running).exists();
  }

  @Test
  void aTrainingRunsArchiveIsPublishedOnlyOnceAJvmMapsIt() throws IOException {
    Path jar = plainJar(dir.resolve("app.jar"));
    Path good = dir.resolve("good.jsa.part");
    writeArchive(good, jar);
    Path archive = dir.resolve(SharedClasses.ARCHIVE);

    assertThat(training(dir.resolve("missing.jsa.part"), archive, jar).ended(143)).isFalse();
    assertThat(archive).doesNotExist();

    assertThat(training(good, archive, jar).ended(143)).isTrue();
    assertThat(archive).exists();
    assertThat(good).doesNotExist();
    assertThat(SharedClasses.maps(archive, jar, OPTIONS)).isTrue();
  }

  @Test
  void aTruncatedArchiveIsDeletedNotPublished() throws IOException {
    Path jar = plainJar(dir.resolve("app.jar"));
    Path whole = dir.resolve("whole.jsa");
    writeArchive(whole, jar);
    byte[] bytes = Files.readAllBytes(whole);
    Path truncated = Files.write(dir.resolve("cut.jsa.part"), slice(bytes, bytes.length / 2));
    Path archive = dir.resolve(SharedClasses.ARCHIVE);

    // a JVM handed this file dies of SIGBUS: the check runs one, this one stays alive
    assertThat(training(truncated, archive, jar).ended(0)).isFalse();

    assertThat(archive).doesNotExist();
    assertThat(truncated).doesNotExist();
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
        .noneMatch(name -> name.startsWith("hs_err"));
  }

  @Test
  void aRunKilledWithSigkillNeverPublishesEvenAWholeArchive() throws IOException {
    Path jar = plainJar(dir.resolve("app.jar"));
    Path whole = dir.resolve("whole.jsa.part");
    writeArchive(whole, jar);
    Path archive = dir.resolve(SharedClasses.ARCHIVE);

    assertThat(training(whole, archive, jar).ended(137)).isFalse();

    assertThat(archive).doesNotExist();
    assertThat(whole).doesNotExist();
  }

  @Test
  void oneProcessAtATimeWritesAnEntrysArchiveAndGivesTheClaimUpWhenItsRunEnds() throws IOException {
    Path claim = SharedClasses.claimTraining(dir).orElseThrow();
    assertThat(Files.readString(claim)).isEqualTo(SharedClasses.owner(ProcessHandle.current()));

    assertThat(SharedClasses.claimTraining(dir)).as("held by this live process").isEmpty();

    Path jar = plainJar(dir.resolve("app.jar"));
    Launch run =
        new Launch(
            Launch.Mode.TRAINING,
            List.of(),
            "test",
            dir.resolve("never-written.jsa.part"),
            claim,
            dir.resolve(SharedClasses.ARCHIVE),
            jar,
            OPTIONS);
    assertThat(run.ended(1)).isFalse();
    assertThat(claim).doesNotExist();
    assertThat(SharedClasses.claimTraining(dir)).contains(claim);
  }

  @Test
  void aClaimOfAProcessThatHasEndedIsTakenOver() throws Exception {
    Process gone = new ProcessBuilder(SharedClasses.java(), "-version").start();
    ProcessHandle handle = gone.toHandle();
    String owner = SharedClasses.owner(handle);
    gone.waitFor();
    Path claim = Files.writeString(dir.resolve(SharedClasses.CLAIM), owner);

    assertThat(SharedClasses.claimTraining(dir)).contains(claim);
    assertThat(Files.readString(claim)).isEqualTo(SharedClasses.owner(ProcessHandle.current()));
  }

  @Test
  void aClaimNamingALiveProcessStartedAtAnotherTimeIsTakenOver() throws IOException {
    // the pid of a live process, but not the process that wrote the claim (a reused pid)
    Path claim =
        Files.writeString(
            dir.resolve(SharedClasses.CLAIM),
            ProcessHandle.current().pid() + " 2001-01-01T00:00:00Z");

    assertThat(SharedClasses.claimTraining(dir)).contains(claim);
  }

  @Test
  void aClaimNotYetFilledInIsHeldWhileFresh() throws IOException {
    Path claim = Files.writeString(dir.resolve(SharedClasses.CLAIM), "");
    assertThat(SharedClasses.claimTraining(dir)).isEmpty();

    Files.setLastModifiedTime(
        claim, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(120)));
    assertThat(SharedClasses.claimTraining(dir)).contains(claim);
  }

  private static Launch training(Path training, Path archive, Path jar) {
    return new Launch(
        Launch.Mode.TRAINING, List.of(), "test", training, null, archive, jar, OPTIONS);
  }

  /** A real dynamic archive: a JVM on {@code jar}'s class path writing it as it exits. */
  private static void writeArchive(Path archive, Path jar) throws IOException {
    SharedClasses.ToolRun run =
        SharedClasses.run(
            List.of(
                SharedClasses.java(),
                "-XX:+UseSerialGC",
                "-XX:ArchiveClassesAtExit=" + archive,
                "-cp",
                jar.toString(),
                "-version"),
            Duration.ofMinutes(1));
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(archive).isRegularFile();
  }

  private static byte[] slice(byte[] bytes, int length) {
    byte[] out = new byte[length];
    System.arraycopy(bytes, 0, out, 0, length);
    return out;
  }

  /** A jar with one text file and no main class: not a Spring Boot application. */
  private static Path plainJar(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.putNextEntry(new JarEntry("note.txt"));
      out.write("not an application".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }
}
