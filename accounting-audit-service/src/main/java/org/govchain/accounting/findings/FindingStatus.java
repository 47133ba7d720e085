package org.govchain.accounting.findings;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where an auditor's work on a finding stands: open when the rules raise it; acknowledged (seen,
 * being looked into), escalated (passed up to the supervising authority) and resolved (explained or
 * corrected; final).
 */
public enum FindingStatus {
  OPEN,
  ACKNOWLEDGED,
  ESCALATED,
  RESOLVED;

  /** What an auditor may do to a finding, and from which statuses. */
  public enum Action {
    ACKNOWLEDGE(FindingStatus.ACKNOWLEDGED, EnumSet.of(OPEN)),
    ESCALATE(FindingStatus.ESCALATED, EnumSet.of(OPEN, ACKNOWLEDGED)),
    RESOLVE(FindingStatus.RESOLVED, EnumSet.of(OPEN, ACKNOWLEDGED, ESCALATED));

    private final FindingStatus to;
    private final Set<FindingStatus> from;

    Action(FindingStatus to, Set<FindingStatus> from) {
      this.to = to;
      this.from = from;
    }

    /** The status the action leads to. */
    public FindingStatus to() {
      return to;
    }

    /** Whether the action is allowed on a finding in {@code status}. */
    public boolean allowedFrom(FindingStatus status) {
      return from.contains(status);
    }

    /** The log event's name: {@code acknowledged}, {@code escalated}, {@code resolved}. */
    public String eventName() {
      return to.name().toLowerCase(Locale.ROOT);
    }
  }
}
