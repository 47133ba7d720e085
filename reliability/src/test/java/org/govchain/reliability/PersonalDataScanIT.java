package org.govchain.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.govchain.testsupport.process.AppProcess;
import org.govchain.testsupport.process.Http;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14: personal data never leaks. Runs after every other case of the campaign (the class order
 * of {@code junit-platform.properties}): every ID number, name and phone number the campaign's card
 * writes carried ({@link RecordKind#PERSONAL_DATA}) is looked for in every process's output of the
 * whole campaign (every life of every application: services, gateway, auth server), in every answer
 * but a 201 any client got ({@link WriteLoad#REFUSALS}), and in every entry of the card service's
 * log and its bundle as an auditor reads them — zero hits. Refusals that carry a person's data in
 * their request (an unknown region, a person who has a card) are sent first.
 */
@ExtendWith(CampaignExtension.class)
@Order(Integer.MAX_VALUE)
class PersonalDataScanIT {

  @Test
  void noIdNumberNameOrPhoneOfTheCampaignShowsInAnyLogAnswerOrLogEntry(Campaign campaign) {
    campaign.ensureServicesRunning();
    Http gateway = campaign.viaGateway();
    String clerk = campaign.token("ssc-clerk");
    String auditor = campaign.token("auditor");
    // a few cards of this case's own (the campaign's cases made the rest), and refusals of them
    int base = 20_000 + (int) (System.nanoTime() % 1_000);
    for (int n = base; n < base + 3; n++) {
      Map<String, Object> card = RecordKind.CARD.body(n);
      Http.Response issued = gateway.postJson("/api/ssc/cards", clerk, card);
      assertThat(issued.status()).as("%s", issued).isEqualTo(201);
      Http.Response again = gateway.postJson("/api/ssc/cards", clerk, card);
      assertThat(again.status()).as("the same person again: %s", again).isEqualTo(409);
      WriteLoad.REFUSALS.add(again.text());
      Map<String, Object> badRegion = new java.util.LinkedHashMap<>(RecordKind.CARD.body(n + 10));
      badRegion.put("issuingRegion", "999999");
      Http.Response refused = gateway.postJson("/api/ssc/cards", clerk, badRegion);
      assertThat(refused.status()).as("%s", refused).isEqualTo(422);
      WriteLoad.REFUSALS.add(refused.text());
    }

    List<String> texts = new ArrayList<>();
    int files = 0;
    long bytes = 0;
    try (Stream<Path> logs = Files.walk(AppProcess.logDirectory())) {
      // each process's output and the campaign's summary; not the databases' own files
      for (Path log :
          logs.filter(Files::isRegularFile)
              .filter(f -> f.toString().endsWith(".log") || f.toString().endsWith(".txt"))
              .filter(f -> !f.toString().contains("/postgres/"))
              .toList()) {
        String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        files++;
        bytes += text.length();
        texts.add(log.getFileName() + "\n" + text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int refusals = WriteLoad.REFUSALS.size();
    WriteLoad.REFUSALS.forEach(answer -> texts.add("an answer\n" + answer));
    Http direct = campaign.service(RecordKind.CARD).direct();
    long size = direct.get("/api/ssc/log/checkpoint", auditor).json().path("size").asLong();
    for (long i = 0; i < size; i++) {
      Http.Response entry = direct.get("/api/ssc/log/entries/" + i, auditor);
      assertThat(entry.status()).as("entry %d: %s", i, entry).isEqualTo(200);
      texts.add("log entry " + i + "\n" + entry.text());
      Http.Response bundle = direct.get("/api/ssc/log/entries/" + i + "/bundle", auditor);
      // 409 not-anchored-yet for the newest entries: the problem is scanned as well
      assertThat(bundle.status()).as("bundle %d: %s", i, bundle).isIn(200, 409);
      texts.add("bundle " + i + "\n" + bundle.text());
    }

    Map<String, Integer> hits = new TreeMap<>();
    for (String text : texts) {
      String where = text.substring(0, text.indexOf('\n'));
      for (String value : RecordKind.PERSONAL_DATA) {
        if (text.contains(value)) {
          hits.merge(where + " holds " + kind(value), 1, Integer::sum);
        }
      }
    }
    System.out.printf(
        "[campaign] personal-data-scan values=%d files=%d chars=%d answers=%d log-entries=%d"
            + " hits=%d%n",
        RecordKind.PERSONAL_DATA.size(), files, bytes, refusals, size, hits.size());
    assertThat(RecordKind.PERSONAL_DATA).hasSizeGreaterThan(3);
    assertThat(size).as("the card log has entries to scan").isPositive();
    assertThat(hits).as("where a person's data shows in clear").isEmpty();
  }

  private static String kind(String value) {
    if (value.equals(RecordKind.HOLDER_NAME)) {
      return "a name";
    }
    return value.length() == 18 ? "an ID number" : "a phone number";
  }
}
