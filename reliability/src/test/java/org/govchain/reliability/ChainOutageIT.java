package org.govchain.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.process.AppProcess;
import org.junit.jupiter.api.Test;

/**
 * Case 5 of the fault campaign: the persistent dev chain — ganache on its kept data directory, as
 * {@code ./govchain up} runs it, not the in-memory Hardhat of the other cases, so this case has a
 * campaign of its own — killed with SIGKILL while four clients per record service write through the
 * gateway, held down {@code govchain.reliability.chain-outage} (default 20 s; {@code
 * -Pcampaign-long}: 10 minutes), and started again on the same directory and port, the services
 * left running. Writes go on (every one a 201), health shows the lag without turning the service
 * DOWN, one transaction per log anchors the whole backlog when the chain is back, nothing is sent
 * twice or replaced, no nonce trouble ({@link ChainOutage}); then every acknowledged record is in
 * its log once, readable and anchored VALID ({@link KillCase}).
 */
class ChainOutageIT {

  @Test
  void theChainKilledAndStartedAgainOnItsDataUnderEveryServicesWrites() {
    Duration outage =
        Campaign.duration("govchain.reliability.chain-outage", Duration.ofSeconds(20));
    Path work;
    try {
      Files.createDirectories(AppProcess.logDirectory());
      work = Files.createTempDirectory(AppProcess.logDirectory(), "chain-outage-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (GanacheNode node = GanacheNode.start(work.resolve("chain"));
        DevChain chain = node.devChain();
        Campaign campaign = Campaign.startOn(chain)) {
      Map<RecordKind, KillCase> cases = new EnumMap<>(RecordKind.class);
      for (RecordKind kind : RecordKind.values()) {
        cases.put(kind, new KillCase(campaign, kind, new Random()));
      }
      try {
        Campaign.eachAtOnce(cases.values(), KillCase::startOrReuse);
        Map<RecordKind, WriteLoad> loads = new EnumMap<>(RecordKind.class);
        cases.forEach((kind, c) -> loads.put(kind, c.newLoad()));
        ChainOutage fault = new ChainOutage(campaign, node, outage);
        Map<RecordKind, List<WriteLoad.Write>> writes = fault.run(loads);
        List<AssertionError> failures = new ArrayList<>();
        cases.forEach(
            (kind, c) -> {
              try {
                c.checkChainOutage(fault.summary(kind), writes.get(kind));
                fault.assertOutage(kind);
              } catch (AssertionError e) {
                failures.add(e);
              }
            });
        if (!failures.isEmpty()) {
          AssertionError first = failures.get(0);
          failures.subList(1, failures.size()).forEach(first::addSuppressed);
          throw first;
        }
      } finally {
        Campaign.eachAtOnce(cases.values(), KillCase::stop);
      }
    }
  }
}
