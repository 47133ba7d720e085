package org.govchain.operator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The settings of a command: the environment, then the files of config trees (a directory whose
 * files are named after variables and hold their values, the way compose secrets and Kubernetes
 * Secret volumes appear in a container; Spring Boot reads the same layout with {@code
 * configtree:}). The environment wins, as it does in the services.
 */
public final class Variables {

  private final Map<String, String> values;
  private final List<Path> configTrees;

  private Variables(Map<String, String> values, List<Path> configTrees) {
    this.values = values;
    this.configTrees = configTrees;
  }

  /**
   * The environment over the config trees (a later tree over an earlier one).
   *
   * @throws OperatorException if a config tree is not a readable directory
   */
  public static Variables of(Map<String, String> environment, List<Path> configTrees) {
    Map<String, String> values = new TreeMap<>();
    for (Path tree : configTrees) {
      if (!Files.isDirectory(tree)) {
        throw new OperatorException("config tree " + tree + " is not a directory");
      }
      try (Stream<Path> files = Files.list(tree)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          values.put(
              file.getFileName().toString(),
              Files.readString(file, StandardCharsets.UTF_8).strip());
        }
      } catch (IOException e) {
        throw new OperatorException("cannot read config tree " + tree + ": " + e.getMessage(), e);
      }
    }
    environment.forEach(
        (name, value) -> {
          if (value != null && !value.isBlank()) {
            values.put(name, value.strip());
          }
        });
    return new Variables(Collections.unmodifiableMap(values), List.copyOf(configTrees));
  }

  /** The value of {@code name}, if set and not blank. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /**
   * The value of {@code name}.
   *
   * @throws OperatorException naming where it was looked for, if it is not set
   */
  public String require(String name) {
    return get(name)
        .orElseThrow(
            () ->
                new OperatorException(
                    name
                        + " is not set: give it as an environment variable"
                        + (configTrees.isEmpty()
                            ? " or as a file in a --config-tree directory"
                            : " or as a file named so in " + configTrees)));
  }

  /** Every variable, sorted by name. */
  public Map<String, String> all() {
    return values;
  }
}
