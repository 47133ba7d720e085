package org.govchain.bench.writes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.govchain.bench.load.BenchTokens;
import org.govchain.bench.load.Calls;

/**
 * The accounting service's main writes end to end, straight to the service and through the gateway
 * ({@link WritesRun}): vouchers prepared by a clerk ({@code POST
 * /api/accounting/units/{id}/vouchers} with an {@code Idempotency-Key}: four lines checked against
 * the unit's chart and balanced, numbered in the period, stored and logged) and vouchers posted
 * ({@code POST /api/accounting/vouchers/{id}/posting}: the red-flag rules run, the voucher and its
 * findings stored and logged). Posting needs a voucher another clerk reviewed: before each posting
 * load, vouchers are prepared and reviewed (not measured) and each request posts one.
 *
 * <p>Arguments (all optional): {@code concurrency=8 rounds=3 seconds=10 warmup=60 pool=20000
 * profile=true accountingJar=accounting-audit-service/target/…jar gatewayJar=gateway/target/…jar}.
 */
public final class AccountingWritesBenchmark {

  /** A unit's unified social credit code (valid check character), the clerks' unit claim. */
  private static final String UNIT = "115132000088000108";

  private AccountingWritesBenchmark() {}

  public static void main(String[] args) throws Exception {
    WritesRun.Options options = WritesRun.Options.parse(args);
    int concurrency = options.concurrency();
    Path work = Files.createDirectories(Path.of("bench/target/accounting-writes"));

    BenchTokens tokens = BenchTokens.create();
    String admin = tokens.token("bench-admin", "admin");
    String clerk = tokens.token("bench-clerk", "accounting-clerk", Map.of("unit", UNIT));
    String reviewer = tokens.token("bench-reviewer", "accounting-clerk", Map.of("unit", UNIT));
    // the period of today, the voucher dated its first day (never in the future)
    YearMonth period = YearMonth.now();
    LocalDate date = period.atDay(1);
    String voucher =
        "{\"period\":\""
            + period
            + "\",\"date\":\""
            + date
            + "\",\"summary\":\"收到财政授权支付额度\",\"lines\":["
            + line("1011", "DEBIT")
            + ","
            + line("4001", "CREDIT")
            + ","
            + line("8001", "DEBIT")
            + ","
            + line("6001", "CREDIT")
            + "]}";
    try (WritesRun.Suite suite =
        WritesRun.Suite.start(
            "accounting-audit-service",
            options.jar("accountingJar", "accounting-audit-service"),
            "ACCOUNTING_PORT",
            "GOVCHAIN_ACCOUNTING_URL",
            Map.of(),
            options.jar("gatewayJar", "gateway"),
            tokens,
            work)) {
      String service = suite.service.baseUrl();
      String unit =
          Calls.field(
              Calls.send(
                  suite.client,
                  Calls.post(
                      service + "/api/accounting/units",
                      admin,
                      "{\"creditCode\":\""
                          + UNIT
                          + "\",\"name\":\"阿坝州示范财政局\",\"region\":\"513200\","
                          + "\"type\":\"ADMINISTRATIVE\",\"firstPeriod\":\""
                          + period
                          + "\"}",
                      false),
                  201),
              "id");
      String vouchers = "/api/accounting/units/" + unit + "/vouchers";
      Prepared reviewed =
          new Prepared(
              "reviewed vouchers",
              () -> {
                String id =
                    Calls.field(
                        Calls.send(
                            suite.client,
                            Calls.post(service + vouchers, clerk, voucher, true),
                            201),
                        "id");
                Calls.send(
                    suite.client,
                    Calls.post(
                        service + "/api/accounting/vouchers/" + id + "/review",
                        reviewer,
                        "{}",
                        false),
                    200);
                return id;
              },
              options.round().toSeconds(),
              options.integer("pool", 20_000));

      List<WritesRun.Target> targets = new ArrayList<>();
      targets.addAll(
          suite.bothPaths(
              "voucher prepared",
              () -> {},
              result -> {},
              baseUrl -> () -> Calls.post(baseUrl + vouchers, clerk, voucher, true),
              answer -> answer.statusCode() == 201,
              concurrency));
      targets.addAll(
          suite.bothPaths(
              "voucher posted",
              reviewed::fill,
              reviewed::observe,
              baseUrl ->
                  () -> {
                    String id = reviewed.take();
                    return id == null
                        ? null
                        : Calls.post(
                            baseUrl + "/api/accounting/vouchers/" + id + "/posting",
                            clerk,
                            "{}",
                            false);
                  },
              answer ->
                  answer.statusCode() == 200
                      && new String(answer.body(), StandardCharsets.UTF_8)
                          .contains("\"voucherStatus\":\"POSTED\""),
              concurrency));
      WritesRun.run(
          "Accounting service (one unit, four-line vouchers of " + period + ")",
          suite,
          targets,
          options,
          work);
    }
  }

  private static String line(String account, String side) {
    return "{\"account\":\"" + account + "\",\"side\":\"" + side + "\",\"amount\":\"123456.78\"}";
  }
}
