package org.govchain.accounting.chart;

/**
 * Chart data that cannot be trusted: a malformed row, a duplicate code, a reference to an account
 * the chart does not have. Thrown while loading, so a service with bad data does not start.
 */
public final class MalformedChartException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;

  /**
   * @param source the resource the data came from
   * @param line the 1-based line of the offending row, 0 when the fault is the whole file's
   * @param reason what is wrong with it
   */
  public MalformedChartException(String source, int line, String reason) {
    super(source + (line > 0 ? " line " + line : "") + ": " + reason);
    this.source = source;
    this.line = line;
  }

  public String source() {
    return source;
  }

  public int line() {
    return line;
  }
}
