package org.govchain.reliability;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Case 1 of the fault campaign, for every record service: its JVM killed with SIGKILL while four
 * clients write through the gateway — with committed events not yet sequenced, with an anchor
 * transaction pending, and at random points of the load ({@code govchain.reliability.random-kills}
 * of them, seeded by {@code govchain.reliability.seed}) — and nothing acknowledged lost, nothing
 * written twice, everything anchored ({@link KillCase}).
 */
@ExtendWith(CampaignExtension.class)
class ServiceKillIT {

  private static Random random;
  private static int randomKills;
  private static boolean everyMoment;

  @BeforeAll
  static void seed() {
    String seed = System.getProperty("govchain.reliability.seed", "");
    long value = seed.isBlank() ? System.nanoTime() : Long.parseLong(seed);
    System.out.println(
        "[campaign] seed=" + value + " (rerun with -Dgovchain.reliability.seed=" + value + ")");
    random = new Random(value);
    randomKills = Integer.getInteger("govchain.reliability.random-kills", 1);
    everyMoment = Boolean.getBoolean("govchain.reliability.every-moment");
  }

  @Test
  void theSealServiceKilledWhileSealsAreCreated(Campaign campaign) {
    new KillCase(campaign, RecordKind.SEAL, random)
        .run(randomKills, scripted(KillCase.Moment.COMMITTED_NOT_SEQUENCED));
  }

  @Test
  void theCardServiceKilledWhileCardsAreIssued(Campaign campaign) {
    new KillCase(campaign, RecordKind.CARD, random)
        .run(randomKills, scripted(KillCase.Moment.ANCHOR_TRANSACTION_PENDING));
  }

  @Test
  void theAccountingServiceKilledWhileVouchersArePrepared(Campaign campaign) {
    new KillCase(campaign, RecordKind.VOUCHER, random).run(randomKills, scripted());
  }

  /**
   * The scripted moments a service runs: all of them with {@code govchain.reliability.every-moment}
   * (the long part), else {@code fastPart} — each scripted moment on one service, so that the fast
   * part keeps CI within its time.
   */
  private static java.util.Set<KillCase.Moment> scripted(KillCase.Moment... fastPart) {
    return everyMoment
        ? java.util.EnumSet.of(
            KillCase.Moment.COMMITTED_NOT_SEQUENCED, KillCase.Moment.ANCHOR_TRANSACTION_PENDING)
        : java.util.Set.of(fastPart);
  }
}
