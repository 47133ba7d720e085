package org.govchain.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.govchain.testsupport.process.Http;
import org.govchain.testsupport.samples.SealSamples;

/**
 * The record services under test and, for each, the creating write the campaign's clients send
 * (each answered 201 with the record's {@code id}, accepting an {@code Idempotency-Key}), the event
 * that write logs, where the record is read, and who may do what (the auth server's demo clients).
 */
enum RecordKind {
  /** Seals: {@code POST /api/seal/seals} by a seal clerk, logged as {@code seal.seal.created}. */
  SEAL(
      "seal-service",
      "SEAL",
      "GOVCHAIN_SEAL_URL",
      "seal",
      "/api/seal",
      "seal-clerk",
      "seal.seal.created") {
    @Override
    List<String> extraArgs(Path dataDir) {
      return List.of("--govchain.seal.ca.data-dir=" + dataDir);
    }

    @Override
    String createPath(Campaign campaign) {
      return "/api/seal/seals";
    }

    @Override
    Map<String, Object> body(int n) {
      return SealSamples.sealRequest("故障演练专用章 " + n);
    }

    @Override
    String readPath(String id) {
      return "/api/seal/seals/" + id;
    }
  },

  /**
   * Social security cards: {@code POST /api/ssc/cards} by an ssc clerk, one person per card (a
   * second card for a person in force would be refused), logged as {@code ssc.card.issued}.
   */
  CARD(
      "social-security-card-service",
      "SSC",
      "GOVCHAIN_SSC_URL",
      "ssc",
      "/api/ssc",
      "ssc-clerk",
      "ssc.card.issued") {
    @Override
    List<String> extraArgs(Path dataDir) {
      return List.of("--govchain.ssc.data-dir=" + dataDir);
    }

    @Override
    String createPath(Campaign campaign) {
      return "/api/ssc/cards";
    }

    @Override
    Map<String, Object> body(int n) {
      // a distinct person per write: the birth date counts the writes
      String first17 =
          "110105"
              + LocalDate.of(1960, 1, 1).plusDays(n).format(DateTimeFormatter.BASIC_ISO_DATE)
              + "123";
      String idNumber = first17 + checkCharacter(first17);
      String phone = String.format("139%08d", 12_000_000 + n);
      PERSONAL_DATA.addAll(List.of(HOLDER_NAME, idNumber, phone));
      return Map.of(
          "name", HOLDER_NAME, "idNumber", idNumber, "issuingRegion", "110105", "phone", phone);
    }

    @Override
    String readPath(String id) {
      return "/api/ssc/cards/" + id;
    }
  },

  /**
   * Vouchers: {@code POST /api/accounting/units/{unit}/vouchers} by the demo accounting clerk of
   * the demo unit (registered first by an admin), logged as {@code accounting.voucher.prepared}.
   */
  VOUCHER(
      "accounting-audit-service",
      "ACCOUNTING",
      "GOVCHAIN_ACCOUNTING_URL",
      "accounting",
      "/api/accounting",
      "accounting-clerk",
      "accounting.voucher.prepared") {
    /** The unit the auth server's demo accounting clerks are bound to (their unit claim). */
    private static final String DEMO_UNIT = "115132000088000108";

    @Override
    List<String> extraArgs(Path dataDir) {
      return List.of();
    }

    @Override
    String createPath(Campaign campaign) {
      Http.Response unit =
          campaign
              .viaGateway()
              .postJson(
                  "/api/accounting/units",
                  campaign.token("admin"),
                  Map.of(
                      "creditCode", DEMO_UNIT,
                      "name", "阿坝州示范财政局",
                      "region", "513200",
                      "type", "ADMINISTRATIVE",
                      "firstPeriod", "2026-11"));
      assertThat(unit.status()).as("the demo unit registered: %s", unit).isEqualTo(201);
      return "/api/accounting/units/" + unit.json().path("id").asString() + "/vouchers";
    }

    @Override
    Map<String, Object> body(int n) {
      String amount = (1000 + n) + ".00";
      return Map.of(
          "period",
          "2026-11",
          "date",
          "2026-11-03",
          "summary",
          "收到财政授权支付额度 " + n,
          "lines",
          List.of(
              line("1011", "DEBIT", amount),
              line("4001", "CREDIT", amount),
              line("8001", "DEBIT", amount),
              line("6001", "CREDIT", amount)));
    }

    @Override
    String readPath(String id) {
      return "/api/accounting/vouchers/" + id;
    }
  };

  private final String module;
  private final String portPrefix;
  private final String gatewayUrlVariable;
  private final String logName;
  private final String prefix;
  private final String writerRole;
  private final String createdType;
  private final AtomicInteger written = new AtomicInteger();

  RecordKind(
      String module,
      String portPrefix,
      String gatewayUrlVariable,
      String logName,
      String prefix,
      String writerRole,
      String createdType) {
    this.module = module;
    this.portPrefix = portPrefix;
    this.gatewayUrlVariable = gatewayUrlVariable;
    this.logName = logName;
    this.prefix = prefix;
    this.writerRole = writerRole;
    this.createdType = createdType;
  }

  /** Arguments of this service's own (a data directory). */
  abstract List<String> extraArgs(Path dataDir);

  /** Makes what the writes need (a unit for vouchers) and answers the path they are posted to. */
  abstract String createPath(Campaign campaign);

  /** The card holders' name (the person changes with the ID number). */
  static final String HOLDER_NAME = "李演练";

  /**
   * Every ID number, name and phone number the campaign's card writes carried, for the scan that
   * none of them shows in clear anywhere ({@code PersonalDataScanIT}).
   */
  static final java.util.Set<String> PERSONAL_DATA =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** The body of the {@code n}th write: every write creates a distinct record. */
  abstract Map<String, Object> body(int n);

  /** Where a record is read. */
  abstract String readPath(String id);

  /** A fresh body (numbered across the whole campaign). */
  Map<String, Object> nextBody() {
    return body(written.incrementAndGet());
  }

  String module() {
    return module;
  }

  /** {@code <P>_PORT}. */
  String portVariable() {
    return portPrefix + "_PORT";
  }

  /** The gateway's variable naming the service's address. */
  String gatewayUrlVariable() {
    return gatewayUrlVariable;
  }

  /** The first label of the log's origin. */
  String logName() {
    return logName;
  }

  /** The service's API prefix (its log API is under {@code <prefix>/log}). */
  String prefix() {
    return prefix;
  }

  /** The demo client that writes. */
  String writerRole() {
    return writerRole;
  }

  /** The type of the event the creating write logs. */
  String createdType() {
    return createdType;
  }

  private static Map<String, String> line(String account, String side, String amount) {
    return Map.of("account", account, "side", side, "amount", amount);
  }

  /** GB 11643's check character of an ID number's first 17 digits. */
  private static char checkCharacter(String first17) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return "10X98765432".charAt(sum % 11);
  }
}
