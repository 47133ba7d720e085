package org.govchain.accounting.chart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the chart's data files: UTF-8 CSV with a fixed header, one record a line, no quoting (the
 * data has no commas in its fields). Anything else — another header, a row with the wrong number of
 * fields, a blank line in the middle, an empty field — is refused with a {@link
 * MalformedChartException} naming the line.
 */
public final class ChartCsv {

  /** One data row: its 1-based line number in the file and its fields, trimmed. */
  public record Row(int line, List<String> fields) {

    /** The field at {@code index}. */
    public String get(int index) {
      return fields.get(index);
    }
  }

  private ChartCsv() {}

  /**
   * The rows of a classpath resource.
   *
   * @throws MalformedChartException if the resource is missing or malformed
   */
  public static List<Row> readResource(String resource, List<String> header) {
    InputStream in = ChartCsv.class.getResourceAsStream(resource);
    if (in == null) {
      throw new MalformedChartException(resource, 0, "no such resource");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read(resource, reader, header);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /**
   * The rows of {@code csv}, which must begin with exactly {@code header}.
   *
   * @param source names the data in failures
   * @throws MalformedChartException if the data is malformed
   */
  public static List<Row> read(String source, Reader csv, List<String> header) {
    List<String> lines = lines(source, csv);
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1); // trailing newlines are fine
    }
    if (lines.isEmpty()) {
      throw new MalformedChartException(source, 0, "empty");
    }
    String first = lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(0);
    if (!first.equals(String.join(",", header))) {
      throw new MalformedChartException(
          source, 1, "header must be " + String.join(",", header) + ", was " + first);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      rows.add(row(source, i + 1, lines.get(i), header.size()));
    }
    return List.copyOf(rows);
  }

  /** {@code true} or {@code false}, nothing else. */
  public static boolean parseBoolean(String source, Row row, int index) {
    String value = row.get(index);
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new MalformedChartException(source, row.line(), "not true or false: " + value);
  }

  private static Row row(String source, int line, String text, int columns) {
    if (text.isBlank()) {
      throw new MalformedChartException(source, line, "blank line");
    }
    if (text.indexOf('"') >= 0) {
      throw new MalformedChartException(source, line, "quoted fields are not supported");
    }
    String[] fields = text.split(",", -1);
    if (fields.length != columns) {
      throw new MalformedChartException(
          source, line, "expected " + columns + " fields, found " + fields.length);
    }
    List<String> trimmed = new ArrayList<>(columns);
    for (String field : fields) {
      if (field.isBlank()) {
        throw new MalformedChartException(source, line, "empty field in: " + text);
      }
      trimmed.add(field.strip());
    }
    return new Row(line, List.copyOf(trimmed));
  }

  private static List<String> lines(String source, Reader csv) {
    try {
      return new ArrayList<>(new BufferedReader(csv).lines().toList());
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot read " + source, e.getCause());
    }
  }
}
