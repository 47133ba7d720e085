package org.govchain.operator.registry;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.govchain.operator.OperatorException;

/**
 * The deployment record as a properties file, which the services import ({@code
 * SPRING_CONFIG_IMPORT=file:…}): under compose, on a volume the registry job writes and the
 * services mount read-only. Written to a temporary file and moved into place, so a reader never
 * sees half a record.
 */
final class PropertiesRecord implements RegistryRecord {

  private final Path file;

  PropertiesRecord(Path file) {
    this.file = file;
  }

  @Override
  public Optional<RegistryDeployment> read() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new OperatorException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> entries = new LinkedHashMap<>();
    properties
        .stringPropertyNames()
        .forEach(name -> entries.put(name, properties.getProperty(name)));
    return RegistryDeployment.fromEntries(entries, file.toString());
  }

  @Override
  public void write(RegistryDeployment deployment) {
    StringBuilder text =
        new StringBuilder(
            "# The AnchorRegistry of this installation, written by govchain-operator"
                + " registry-setup.\n# The services import this file; keep it with the chain's"
                + " data and the keys.\n");
    deployment
        .toEntries()
        .forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temporary = Files.createTempFile(dir, ".registry", ".tmp");
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new OperatorException(
          "the registry "
              + deployment.registry()
              + " was deployed but cannot be recorded in "
              + file
              + ": "
              + e.getMessage()
              + ". Write "
              + RegistryDeployment.ADDRESS
              + "="
              + deployment.registry()
              + " there by hand, or the next run deploys another one",
          e);
    }
  }

  @Override
  public String toString() {
    return file.toString();
  }
}
