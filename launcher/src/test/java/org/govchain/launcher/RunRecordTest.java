package org.govchain.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record of started processes, with real processes ({@code sleep}) standing for the parts. */
class RunRecordTest {

  @TempDir Path temp;

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void stopsWhatAKilledLauncherLeftRunningLastStartedFirstAndForgetsIt() throws Exception {
    RunRecord record = new RunRecord(temp.resolve("processes"));
    Process chain = sleep();
    Process gateway = sleep();
    record.add("devchain", chain.toHandle());
    record.add("gateway", gateway.toHandle());

    ByteArrayOutputStream output = new ByteArrayOutputStream();
    List<String> stopped =
        new RunRecord(temp.resolve("processes"))
            .stopLeftovers(new PrintStream(output, true, StandardCharsets.UTF_8), seconds(10));

    assertThat(stopped).containsExactly("gateway", "devchain");
    assertThat(chain.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(gateway.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(output.toString(StandardCharsets.UTF_8))
        .contains("was it killed?")
        .contains("devchain (pid " + chain.pid() + ")", "gateway (pid " + gateway.pid() + ")")
        .contains("stopped gateway", "stopped devchain");
    assertThat(temp.resolve("processes")).doesNotExist();
  }

  @Test
  void neverSignalsAPidThatNowBelongsToAnotherProcess() throws Exception {
    Process other = sleep();
    long startedMillis = other.toHandle().info().startInstant().orElseThrow().toEpochMilli();
    // the recorded process had this pid, but started at another time: the pid was reused
    Files.writeString(
        temp.resolve("processes"),
        "gateway " + other.pid() + " " + (startedMillis - 60_000) + "\n");

    ByteArrayOutputStream output = new ByteArrayOutputStream();
    List<String> stopped =
        new RunRecord(temp.resolve("processes"))
            .stopLeftovers(new PrintStream(output, true, StandardCharsets.UTF_8), seconds(5));

    assertThat(stopped).isEmpty();
    assertThat(output.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(other.isAlive()).isTrue();
    assertThat(temp.resolve("processes")).doesNotExist();
  }

  @Test
  void skipsEndedProcessesAndTornLines() throws Exception {
    Process ended = sleep();
    RunRecord record = new RunRecord(temp.resolve("processes"));
    record.add("auth-server", ended.toHandle());
    ended.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    Process running = sleep();
    record.add("seal-service", running.toHandle());
    Files.writeString(
        temp.resolve("processes"),
        Files.readString(temp.resolve("processes")) + "portal 12",
        StandardCharsets.UTF_8);

    assertThat(record.entries())
        .extracting(RunRecord.Entry::name)
        .containsExactly("auth-server", "seal-service");
    List<String> stopped =
        record.stopLeftovers(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            seconds(10));

    assertThat(stopped).containsExactly("seal-service");
    assertThat(running.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aCleanStopLeavesNoRecord() throws Exception {
    RunRecord record = new RunRecord(temp.resolve("processes"));
    record.add("gateway", sleep().toHandle());
    assertThat(record.entries()).hasSize(1);

    record.clear();

    assertThat(record.entries()).isEmpty();
    assertThat(temp.resolve("processes")).doesNotExist();
  }

  private Process sleep() throws Exception {
    Process process = new ProcessBuilder("sleep", "300").start();
    started.add(process);
    return process;
  }

  private static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }
}
