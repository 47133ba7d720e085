package org.govchain.reliability;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Case 2 of the fault campaign: the campaign's PostgreSQL server, which every record service uses,
 * stopped for real while four clients per service write through the gateway — in immediate mode (a
 * crash), then in fast mode, in turn, {@code govchain.reliability.pg-restarts} times — held down
 * two seconds and started again on its data directory and port, the services left running. While it
 * is down each service answers its writes with its 503 problem and its health is DOWN; after it,
 * without a restart, each writes again, and nothing acknowledged is lost, nothing written twice,
 * everything anchored ({@link PostgresOutage}, {@link KillCase}).
 */
@ExtendWith(CampaignExtension.class)
class PostgresRestartIT {

  private static int restarts;

  @BeforeAll
  static void restarts() {
    restarts = Integer.getInteger("govchain.reliability.pg-restarts", 1);
  }

  @Test
  void theDatabaseStoppedAndStartedUnderEveryServicesWrites(Campaign campaign) {
    Map<RecordKind, KillCase> cases = new EnumMap<>(RecordKind.class);
    for (RecordKind kind : RecordKind.values()) {
      cases.put(kind, new KillCase(campaign, kind, new Random()));
    }
    try {
      Campaign.eachAtOnce(cases.values(), KillCase::startOrReuse);
      for (int i = 0; i < restarts; i++) {
        Map<RecordKind, WriteLoad> loads = new EnumMap<>(RecordKind.class);
        cases.forEach((kind, c) -> loads.put(kind, c.newLoad()));
        PostgresOutage outage = new PostgresOutage(campaign, i % 2 == 0);
        Map<RecordKind, List<WriteLoad.Write>> writes = outage.run(loads);
        checkEach(cases, outage, loads, writes);
      }
    } catch (RuntimeException | Error e) {
      Campaign.eachAtOnce(cases.values(), KillCase::stop);
      throw e;
    }
    // the services are left running, as the database is, for the cases that follow
  }

  /** Every service's checks, each run whatever another's found; the first failure thrown. */
  private static void checkEach(
      Map<RecordKind, KillCase> cases,
      PostgresOutage outage,
      Map<RecordKind, WriteLoad> loads,
      Map<RecordKind, List<WriteLoad.Write>> writes) {
    List<AssertionError> failures = new ArrayList<>();
    cases.forEach(
        (kind, c) -> {
          try {
            c.checkOutage(outage, loads.get(kind), writes.get(kind));
          } catch (AssertionError e) {
            failures.add(e);
          }
        });
    if (!failures.isEmpty()) {
      AssertionError first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }
}
