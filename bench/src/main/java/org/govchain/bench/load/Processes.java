package org.govchain.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Packaged applications started as processes for the benchmark, healthy before use. */
public final class Processes {

  private Processes() {}

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** {@code java -jar jar args} with {@code env}, output to {@code dir/<name>.log}. */
  public static App start(
      String name,
      Path jar,
      int port,
      Path dir,
      Map<String, String> env,
      List<String> jvmOptions,
      List<String> args)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(name + " jar not found at " + jar + " (package it first)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(args);
    Path log = dir.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(env);
    App app = new App(builder.start(), "http://127.0.0.1:" + port);
    // stop the child with this program, however it ends
    Process child = app.process;
    Runtime.getRuntime().addShutdownHook(new Thread(child::destroy, "stop-" + name));
    HttpClient client = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      if (!app.process.isAlive()) {
        throw new IllegalStateException(name + " exited while starting; see " + log);
      }
      try {
        HttpResponse<Void> health =
            client.send(
                HttpRequest.newBuilder(URI.create(app.baseUrl + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          System.out.println(name + " up at " + app.baseUrl + " (log " + log + ")");
          return app;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(300); // polling a starting process with a deadline
    }
    app.close();
    throw new IllegalStateException(name + " not healthy in time; see " + log);
  }

  /** A running application. */
  public static final class App implements AutoCloseable {
    private final Process process;
    private final String baseUrl;

    App(Process process, String baseUrl) {
      this.process = process;
      this.baseUrl = baseUrl;
    }

    public String baseUrl() {
      return baseUrl;
    }

    public long pid() {
      return process.pid();
    }

    /** CPU time (user + system) the process has used so far, in nanoseconds. */
    public long cpuNanos() {
      return cpuNanos(process.toHandle());
    }

    public static long cpuNanos(ProcessHandle handle) {
      return handle
          .info()
          .totalCpuDuration()
          .orElseThrow(() -> new IllegalStateException("no CPU time for process " + handle.pid()))
          .toNanos();
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
