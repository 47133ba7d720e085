package org.govchain.bench.writes;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.govchain.bench.load.BenchTokens;
import org.govchain.bench.load.Calls;

/**
 * The social security card service's main writes end to end, straight to the service and through
 * the gateway ({@link WritesRun}): QR codes verified by a service point ({@code POST
 * /api/ssc/qr-verifications}: the code checked and used, the verification logged) and cards issued
 * by a clerk ({@code POST /api/ssc/cards} with an {@code Idempotency-Key}: personal data encrypted,
 * the card and its event stored and logged).
 *
 * <p>Every QR code is single use: before each QR load, codes are issued for the activated cards
 * (not measured) and each request takes one; a load stops early if they run out. The codes are
 * valid 15 minutes here (the default 60 s would expire a pool issued before a round).
 *
 * <p>Arguments (all optional): {@code concurrency=8 rounds=3 seconds=10 warmup=60 cards=300
 * pool=20000 profile=true sscJar=social-security-card-service/target/…jar
 * gatewayJar=gateway/target/…jar}.
 */
public final class SscWritesBenchmark {

  private static final String VALID = "\"verdict\":\"VALID\"";

  private SscWritesBenchmark() {}

  public static void main(String[] args) throws Exception {
    WritesRun.Options options = WritesRun.Options.parse(args);
    int concurrency = options.concurrency();
    int cardCount = options.integer("cards", 300);
    Path work = Files.createDirectories(Path.of("bench/target/ssc-writes"));

    BenchTokens tokens = BenchTokens.create();
    String clerk = tokens.token("bench-clerk", "ssc-clerk");
    String holder = tokens.token("bench-holder", "card-holder");
    String servicePoint = tokens.token("bench-service-point", "service-point");
    try (WritesRun.Suite suite =
        WritesRun.Suite.start(
            "social-security-card-service",
            options.jar("sscJar", "social-security-card-service"),
            "SSC_PORT",
            "GOVCHAIN_SSC_URL",
            Map.of(
                "GOVCHAIN_SSC_DATA_DIR",
                work.resolve("ssc-data").toAbsolutePath().toString(),
                "GOVCHAIN_SSC_QR_VALIDITY",
                "15m"),
            options.jar("gatewayJar", "gateway"),
            tokens,
            work)) {
      String service = suite.service.baseUrl();
      List<String> cards = activatedCards(suite.client, service, clerk, holder, cardCount);
      System.out.printf("%d cards issued and activated%n", cards.size());
      AtomicInteger next = new AtomicInteger();
      Prepared codes =
          new Prepared(
              "QR codes",
              () ->
                  Calls.field(
                      Calls.send(
                          suite.client,
                          Calls.post(
                              service
                                  + "/api/ssc/cards/"
                                  + cards.get(next.getAndIncrement() % cards.size())
                                  + "/qr-codes",
                              holder,
                              null,
                              false),
                          200),
                      "payload"),
              options.round().toSeconds(),
              options.integer("pool", 20_000));
      AtomicInteger people = new AtomicInteger(1_000_000);

      List<WritesRun.Target> targets = new ArrayList<>();
      targets.addAll(
          suite.bothPaths(
              "QR verification",
              codes::fill,
              codes::observe,
              baseUrl ->
                  () -> {
                    String payload = codes.take();
                    return payload == null
                        ? null
                        : Calls.post(
                            baseUrl + "/api/ssc/qr-verifications",
                            servicePoint,
                            "{\"payload\":\"" + payload + "\",\"businessType\":\"02\"}",
                            false);
                  },
              answer ->
                  answer.statusCode() == 200
                      && new String(answer.body(), StandardCharsets.UTF_8).contains(VALID),
              concurrency));
      targets.addAll(
          suite.bothPaths(
              "card issued",
              () -> {},
              result -> {},
              baseUrl -> () -> issueRequest(baseUrl, clerk, people.incrementAndGet()),
              answer -> answer.statusCode() == 201,
              concurrency));
      WritesRun.run(
          String.format(
              "Social security card service (%d activated cards; QR codes made before each load)",
              cards.size()),
          suite,
          targets,
          options,
          work);
    }
  }

  /** Issues {@code count} cards, gets their activation codes and activates them as the holder. */
  private static List<String> activatedCards(
      HttpClient client, String baseUrl, String clerk, String holder, int count) throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> cards = new ArrayList<>();
      for (int n = 0; n < count; n++) {
        int person = n;
        cards.add(
            workers.submit(
                () -> {
                  String id =
                      Calls.field(
                          Calls.send(client, issueRequest(baseUrl, clerk, person), 201), "id");
                  String code =
                      Calls.field(
                          Calls.send(
                              client,
                              Calls.post(
                                  baseUrl + "/api/ssc/cards/" + id + "/activation-code",
                                  clerk,
                                  null,
                                  false),
                              200),
                          "activationCode");
                  Calls.send(
                      client,
                      Calls.post(
                          baseUrl + "/api/ssc/cards/" + id + "/activation",
                          holder,
                          "{\"activationCode\":\"" + code + "\"}",
                          false),
                      200);
                  return id;
                }));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> card : cards) {
        ids.add(card.get());
      }
      return ids;
    } finally {
      workers.shutdown();
    }
  }

  /** A clerk's card issue for the made-up person number {@code person}, with its own key. */
  static HttpRequest issueRequest(String baseUrl, String clerk, int person) {
    return Calls.post(
        baseUrl + "/api/ssc/cards",
        clerk,
        "{\"name\":\"张三丰\",\"idNumber\":\""
            + idNumber(person)
            + "\",\"issuingRegion\":\"360502\",\"phone\":\"13812345678\","
            + "\"bankName\":\"中国工商银行新余分行\",\"bankAccount\":\"6222021234567890123\"}",
        true);
  }

  /**
   * A valid, made-up resident ID number (GB 11643: region 360502, a birth date from 1960 on, a
   * sequence number, the ISO 7064 MOD 11-2 check), distinct for each {@code person} below 18 M.
   */
  static String idNumber(int person) {
    LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(person % 18_000);
    String body =
        "360502"
            + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
            + String.format("%03d", person / 18_000 % 1000);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * ((1 << (17 - i)) % 11);
    }
    return body + "10X98765432".charAt(sum % 11);
  }
}
