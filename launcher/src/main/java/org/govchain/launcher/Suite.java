package org.govchain.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.cds.Launch;
import org.web3j.crypto.Credentials;

/**
 * Runs the local suite in the foreground: starts each part in order and waits until it is ready,
 * prints where everything is, then watches the parts until a signal or a part's death, and stops
 * them in reverse order.
 */
final class Suite {

  private static final Duration APP_STOP_GRACE = Duration.ofSeconds(30);
  private static final Duration TRAINING_STOP_GRACE = Duration.ofSeconds(60);
  private static final Duration POSTGRES_POLL = Duration.ofSeconds(2);

  private final Settings settings;
  private final Home home;
  private final PrintStream out;
  private final Deque<ChildProcess> apps = new ArrayDeque<>();
  private final CompletableFuture<String> failure = new CompletableFuture<>();
  private final RunRecord record;
  private DevChainNode chain;
  private PostgresServer postgres;
  private volatile boolean stopping;
  private volatile boolean exiting;

  Suite(Settings settings, PrintStream out) {
    this.settings = settings;
    this.home = new Home(settings.home());
    this.out = out;
    this.record = new RunRecord(home.runRecord());
  }

  /**
   * Starts the suite and blocks until it fails; a signal (Ctrl-C, SIGTERM) ends the JVM through the
   * shutdown hook, which stops everything and exits 0.
   *
   * @return the exit code when it did not start, or a part died
   */
  int run() throws IOException {
    home.create();
    try (FileChannel lockChannel =
            FileChannel.open(home.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockChannel.tryLock()) {
      if (lock == null) {
        out.println(
            "govchain: another `./govchain up` is running on "
                + home.dir()
                + "; stop it first (or set GOVCHAIN_HOME to another directory).");
        return 1;
      }
      return runLocked();
    }
  }

  /** Marks the coming JVM exit as the launcher's own, so the shutdown hook keeps its code. */
  void exiting() {
    exiting = true;
  }

  private int runLocked() {
    List<Application> applications = new ArrayList<>();
    for (Application app : Application.values()) {
      if (app.isBuilt(settings)) {
        applications.add(app);
      }
    }
    try {
      // a launcher killed with SIGKILL left its parts running on their ports: stop them first
      record.stopLeftovers(out, APP_STOP_GRACE);
      checkPortsFree(applications);
    } catch (StartupException e) {
      out.println("govchain: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::onSignal, "govchain-stop"));
    Instant started = Instant.now();
    try {
      Started result = startAll(applications);
      checkFailure();
      out.print(Banner.text(settings, home, result, Duration.between(started, Instant.now())));
      out.flush();
      watchPostgres();
      String why = failure.get();
      out.println();
      out.println("govchain: " + why);
      stopAll();
      return 1;
    } catch (StartupException e) {
      if (isStopping()) {
        return 0;
      }
      out.println();
      out.println("govchain: GovChain did not start: " + e.getMessage());
      stopAll();
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopAll();
      return 1;
    } catch (ExecutionException e) {
      stopAll();
      return 1;
    }
  }

  /** What the banner needs to know about the started suite. */
  record Started(
      RegistrySetup.Deployment deployment,
      List<Application> applications,
      Map<Application, String> verifierKeys,
      Samples samples,
      PostgresServer postgres) {}

  private Started startAll(List<Application> applications) {
    step("Starting the dev chain (ganache, chain id 31337) on " + settings.rpcUrl());
    chain = launch(() -> DevChainNode.launch(settings, home));
    chain.awaitReady();
    done();

    DevKeys keys = new DevKeys(home.keys());
    Credentials owner = keys.ethereum("registry-owner");
    List<RegistrySetup.LogSubmitter> logs = new ArrayList<>();
    Map<Application, NoteSigner> signers = new LinkedHashMap<>();
    for (Application app : applications) {
      app.service()
          .ifPresent(
              s -> {
                logs.add(
                    new RegistrySetup.LogSubmitter(
                        s.origin(), keys.ethereum(s.keyName() + "-submitter")));
                signers.put(app, keys.logSigner(s.keyName() + "-log-signer", s.origin()));
              });
    }
    boolean firstStart = RegistrySetup.readDeployment(home).isEmpty();
    step(
        firstStart
            ? "Deploying AnchorRegistry (first start) and registering the log submitters"
            : "Checking AnchorRegistry and the log submitters");
    RegistrySetup.Deployment deployment = RegistrySetup.ensure(chain, home, owner, logs);
    done();

    Samples samples = new Samples(home.samples());
    try {
      samples.write(Instant.now());
    } catch (IOException e) {
      throw new StartupException("cannot write the sample files to " + home.samples(), e);
    }

    step(
        settings.externalPostgres().isPresent()
            ? "Connecting to PostgreSQL (GOVCHAIN_PG_URL)"
            : "Starting PostgreSQL (embedded, data in "
                + home.postgres()
                + ", port "
                + settings.postgresPort()
                + ")");
    postgres = launch(() -> PostgresServer.start(settings, home));
    postgres.postmaster().ifPresent(postmaster -> record.add("postgres", postmaster));
    Map<Application, PostgresServer.Database> databases = new LinkedHashMap<>();
    for (Application app : applications) {
      app.service().ifPresent(s -> databases.put(app, postgres.database(s.database())));
    }
    done();

    Map<Application, String> verifierKeys = new LinkedHashMap<>();
    signers.forEach((app, signer) -> verifierKeys.put(app, signer.verifierKey()));
    AppEnvironment environments =
        new AppEnvironment(settings, home, keys, deployment, signers, databases, applications);
    startApplications(applications, environments);
    return new Started(deployment, applications, verifierKeys, samples, postgres);
  }

  /**
   * Starts every application at once and waits until each is healthy: none needs another to start
   * (the services fetch the auth server's keys on the first token, the gateway and the portal call
   * the others per request), so their start-ups overlap instead of adding up.
   */
  private void startApplications(List<Application> applications, AppEnvironment environments) {
    long started = System.nanoTime();
    Map<Application, CompletableFuture<Double>> ready = new LinkedHashMap<>();
    for (Application app : applications) {
      checkFailure();
      int port = settings.port(app.portVariable());
      AppEnvironment.Command command = environments.command(app);
      out.println(
          "Starting "
              + app.processName()
              + " on port "
              + port
              + switch (command.launch().mode()) {
                case SHARING -> "";
                case TRAINING -> " (first run of this build: it keeps its classes when stopped)";
                case PLAIN -> " (" + command.launch().description() + ")";
              });
      ChildProcess process =
          launch(
              () ->
                  ChildProcess.start(
                      app.processName(),
                      command.line(),
                      settings.root(),
                      environments.of(app),
                      home.log(app.processName()),
                      command.launch()));
      ready.put(
          app,
          CompletableFuture.supplyAsync(
              () -> {
                Readiness.awaitHealthy(
                    process,
                    URI.create("http://127.0.0.1:" + port + "/actuator/health"),
                    settings.startTimeout());
                return (System.nanoTime() - started) / 1e9;
              },
              runnable -> {
                Thread waiter = new Thread(runnable, "govchain-ready-" + app.processName());
                waiter.setDaemon(true);
                waiter.start();
              }));
    }
    step("Waiting for the " + applications.size() + " applications, started side by side");
    List<String> times = new ArrayList<>();
    for (Map.Entry<Application, CompletableFuture<Double>> e : ready.entrySet()) {
      try {
        times.add(String.format("%s %.1f s", e.getKey().processName(), e.getValue().join()));
      } catch (java.util.concurrent.CompletionException failed) {
        if (failed.getCause() instanceof StartupException startup) {
          throw startup;
        }
        throw failed;
      }
    }
    done();
    out.println("  ready after: " + String.join(", ", times));
    out.flush();
  }

  /** Starts a part while no stop is under way, and registers it to be stopped. */
  private synchronized <T> T launch(Supplier<T> starter) {
    if (stopping) {
      throw new StartupException("stopping");
    }
    T part = starter.get();
    if (part instanceof ChildProcess child) {
      record.add(child.name(), child.handle());
      apps.push(child);
      watch(child);
    } else if (part instanceof DevChainNode node) {
      record.add("devchain", node.process().handle());
      watch(node.process());
    }
    return part;
  }

  private void watch(ChildProcess child) {
    child
        .onExit()
        .thenAccept(
            p -> {
              if (!isStopping()) {
                failure.complete(
                    child.name()
                        + " exited unexpectedly with code "
                        + p.exitValue()
                        + "; stopping everything. Its log, "
                        + child.log()
                        + ", ends with:\n"
                        + child.tail(40));
              }
            });
  }

  private void watchPostgres() {
    if (postgres == null || !postgres.isEmbedded()) {
      return;
    }
    Thread watcher =
        new Thread(
            () -> {
              while (!isStopping() && !failure.isDone()) {
                if (!postgres.isAlive()) {
                  if (!isStopping()) {
                    failure.complete(
                        "the embedded PostgreSQL stopped unexpectedly; stopping everything. Its"
                            + " log, "
                            + home.log("postgres")
                            + ", ends with:\n"
                            + ChildProcess.tail(home.log("postgres"), 40));
                  }
                  return;
                }
                try {
                  Thread.sleep(POSTGRES_POLL.toMillis());
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "govchain-postgres-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private void checkFailure() {
    if (failure.isDone()) {
      throw new StartupException(failure.join());
    }
  }

  private boolean isStopping() {
    return stopping;
  }

  private void onSignal() {
    if (exiting) {
      return;
    }
    out.println();
    out.println("Stopping GovChain...");
    stopAll();
    out.println("Stopped.");
    out.flush();
    // A signal ended the suite as asked: that is success, not the JVM's 128+signal.
    Runtime.getRuntime().halt(0);
  }

  /**
   * Stops the applications, then PostgreSQL, then the chain. The gateway stops first, so that no
   * client reaches a stopping service through it; the auth server last, so that services finishing
   * their requests can still fetch its keys; the others side by side: none needs another to stop,
   * and a first run's class archive, written as each JVM exits, takes seconds of CPU each.
   */
  synchronized void stopAll() {
    if (stopping) {
      return;
    }
    stopping = true;
    List<ChildProcess> first = new ArrayList<>();
    List<ChildProcess> together = new ArrayList<>();
    List<ChildProcess> last = new ArrayList<>();
    while (!apps.isEmpty()) {
      ChildProcess app = apps.pop();
      if (app.name().equals(Application.GATEWAY.processName())) {
        first.add(app);
      } else if (app.name().equals(Application.AUTH_SERVER.processName())) {
        last.add(app);
      } else {
        together.add(app);
      }
    }
    first.forEach(this::stop);
    List<Thread> stoppers = new ArrayList<>();
    for (ChildProcess app : together) {
      Thread stopper = new Thread(() -> stop(app), "govchain-stop-" + app.name());
      stopper.start();
      stoppers.add(stopper);
    }
    for (Thread stopper : stoppers) {
      try {
        stopper.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    last.forEach(this::stop);
    if (postgres != null) {
      try {
        postgres.stop();
        out.println(
            postgres.isEmbedded()
                ? "  stopped PostgreSQL"
                : "  left the PostgreSQL server of GOVCHAIN_PG_URL running");
      } catch (IOException | RuntimeException e) {
        out.println("  PostgreSQL did not stop cleanly: " + e.getMessage());
      }
    }
    if (chain != null) {
      chain.stop();
      out.println("  stopped the dev chain");
    }
    record.clear();
    out.flush();
  }

  private void stop(ChildProcess app) {
    // a first run writes its class archive as it exits: more time before SIGKILL throws it away
    Duration grace =
        app.launch() != null && app.launch().mode() == Launch.Mode.TRAINING
            ? TRAINING_STOP_GRACE
            : APP_STOP_GRACE;
    boolean clean = app.stop(grace);
    out.println(
        "  stopped " + app.name() + (clean ? "" : " (killed after " + grace.toSeconds() + " s)"));
  }

  private void checkPortsFree(List<Application> applications) {
    Map<String, Integer> wanted = new LinkedHashMap<>();
    wanted.put("dev chain (GOVCHAIN_CHAIN_PORT)", settings.chainPort());
    if (settings.externalPostgres().isEmpty()) {
      wanted.put("embedded PostgreSQL (GOVCHAIN_PG_PORT)", settings.postgresPort());
    }
    for (Application app : applications) {
      wanted.put(
          app.processName() + " (" + app.portVariable() + ")", settings.port(app.portVariable()));
    }
    List<String> busy = new ArrayList<>();
    wanted.forEach(
        (what, port) -> {
          if (!isFree(port)) {
            busy.add(port + " for the " + what);
          }
        });
    if (!busy.isEmpty()) {
      throw new StartupException(
          "ports in use: "
              + String.join(", ", busy)
              + ". They are not parts this state directory's launcher left running (those it"
              + " stops itself). Find what holds a port with `ss -ltnp 'sport = :PORT'` (or"
              + " `lsof -nP -iTCP:PORT -sTCP:LISTEN`) and stop it, or choose other ports with the"
              + " variables named.");
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // reuse: TIME_WAIT connections from earlier clients do not make a port busy; a listener does
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      return false;
    }
    try (java.net.Socket probe = new java.net.Socket()) {
      probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private long stepStarted;

  private void step(String what) {
    stepStarted = System.nanoTime();
    out.print(what + " ... ");
    out.flush();
  }

  private void done() {
    out.printf("ok (%.1f s)%n", (System.nanoTime() - stepStarted) / 1e9);
    out.flush();
  }
}
