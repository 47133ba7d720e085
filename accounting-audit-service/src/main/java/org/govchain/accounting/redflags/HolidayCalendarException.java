package org.govchain.accounting.redflags;

/**
 * The holiday calendar's data is missing or malformed: the service must not start on a calendar
 * that would silently call a holiday a working day.
 */
public class HolidayCalendarException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;

  /**
   * @param source the file the data came from
   * @param line the 1-based line at fault; 0 for the file as a whole
   * @param reason what is wrong
   */
  public HolidayCalendarException(String source, int line, String reason) {
    super(source + (line > 0 ? " line " + line : "") + ": " + reason);
    this.source = source;
    this.line = line;
  }

  public String source() {
    return source;
  }

  /** The 1-based line at fault; 0 for the file as a whole. */
  public int line() {
    return line;
  }
}
