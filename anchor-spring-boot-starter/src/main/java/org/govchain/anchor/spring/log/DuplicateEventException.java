package org.govchain.anchor.spring.log;

/**
 * The log already holds an event for this subject and version; services answer 409.
 *
 * <p>Nothing was written for the duplicate; the first event stays as it was.
 */
public final class DuplicateEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String origin;
  private final String subject;
  private final long version;

  /** Names the event that was appended twice. */
  public DuplicateEventException(String origin, String subject, long version) {
    super("log " + origin + " already holds version " + version + " of subject " + subject);
    this.origin = origin;
    this.subject = subject;
    this.version = version;
  }

  /** The log's origin. */
  public String origin() {
    return origin;
  }

  /** The record id. */
  public String subject() {
    return subject;
  }

  /** The version appended twice. */
  public long version() {
    return version;
  }
}
