package org.govchain.seal.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Runs poppler's {@code pdfsig} (and NSS's {@code certutil}) on PDFs, when they are on the PATH
 * (Debian: poppler-utils, libnss3-tools); tests skip only these checks, by assumption, otherwise.
 */
public final class Poppler {

  private Poppler() {}

  /** Whether {@code pdfsig} is on the PATH. */
  public static boolean hasPdfsig() {
    return onPath("pdfsig");
  }

  /** Whether {@code pdfsig} and {@code certutil} are on the PATH. */
  public static boolean hasPdfsigAndCertutil() {
    return onPath("pdfsig") && onPath("certutil");
  }

  /** pdfsig's report on {@code pdf} (written to {@code dir}), without trusted roots. */
  public static String pdfsig(Path dir, byte[] pdf) throws Exception {
    Path file = dir.resolve("sealed.pdf");
    Files.write(file, pdf);
    return run("pdfsig", file.toString());
  }

  /** pdfsig's report on {@code pdf} with {@code root} trusted in a fresh NSS database. */
  public static String pdfsigTrusting(Path dir, byte[] pdf, X509Certificate root) throws Exception {
    Path nss = Files.createDirectories(dir.resolve("nss"));
    Path rootFile = dir.resolve("root.der");
    Files.write(rootFile, root.getEncoded());
    run("certutil", "-N", "-d", "sql:" + nss, "--empty-password");
    run(
        "certutil",
        "-A",
        "-d",
        "sql:" + nss,
        "-n",
        "seal-root",
        "-t",
        "CT,C,C",
        "-i",
        rootFile.toString());
    Path file = dir.resolve("sealed.pdf");
    Files.write(file, pdf);
    return run("pdfsig", "-nssdir", "sql:" + nss, file.toString());
  }

  /** Runs a program to completion (30 s deadline) and returns its output. */
  public static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    System.out.println(text);
    return text;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null
        && Arrays.stream(path.split(File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
  }
}
