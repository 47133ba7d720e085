package org.govchain.operator.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.govchain.operator.OperatorException;

/**
 * The JDK's own {@code keytool}, the way an operator makes a PKCS#12 key pair by hand: the auth
 * server's signing key and the seal CA root come out exactly as their READMEs describe.
 */
final class Keytool {

  private Keytool() {}

  /**
   * A new PKCS#12 store holding one self-signed key pair, as bytes.
   *
   * @param arguments keytool's {@code -genkeypair} arguments besides the store, its type and
   *     passwords
   */
  static byte[] generate(String password, List<String> arguments) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("govchain-keytool");
      Path store = dir.resolve("store.p12");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
      command.add("-genkeypair");
      command.addAll(arguments);
      command.addAll(
          List.of(
              "-storetype",
              "PKCS12",
              "-keystore",
              store.toString(),
              "-storepass:env",
              "GOVCHAIN_KEYTOOL_PASSWORD",
              "-keypass:env",
              "GOVCHAIN_KEYTOOL_PASSWORD",
              "-noprompt"));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      // the password goes through the environment, never the command line (ps shows that)
      builder.environment().put("GOVCHAIN_KEYTOOL_PASSWORD", password);
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new OperatorException("keytool failed: " + output.strip());
      }
      return Files.readAllBytes(store);
    } catch (IOException e) {
      throw new OperatorException("cannot run keytool: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperatorException("interrupted while running keytool", e);
    } finally {
      if (dir != null) {
        try (var files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(Keytool::deleteQuietly);
        } catch (IOException e) {
          // a temporary directory left behind holds only a store that was also returned
        }
      }
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // see above
    }
  }
}
