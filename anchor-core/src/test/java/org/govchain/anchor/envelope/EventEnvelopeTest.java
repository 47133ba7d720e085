package org.govchain.anchor.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The event envelope: creation, canonical bytes, strict parsing and every rejection. */
class EventEnvelopeTest {

  private static final Instant TIME = Instant.parse("2026-11-28T18:00:00.123456789Z");
  private static final String SALT = "A".repeat(42) + "E"; // 32 bytes, canonical last character
  private static final SecureRandom RANDOM = new SecureRandom();

  private static EventEnvelope sample() {
    Map<String, Object> data = new HashMap<>();
    data.put("name", "Municipal seal №1");
    data.put("holder", Map.of("unit", "Finance", "code", 42));
    data.put("amount", "100.00");
    data.put("ratio", new BigDecimal("0.25"));
    data.put("tags", List.of("a", "b"));
    data.put("revoked", null);
    return EventEnvelope.create(
        "seal.govchain.example",
        "seal.seal-created",
        "3f2b8c1e-5d7a-4e8b-9c0d-1a2b3c4d5e6f",
        1,
        TIME,
        data,
        RANDOM);
  }

  private static String json(String salt, String extra) {
    return "{\"data\":{\"a\":1},\"log\":\"seal.govchain.example\",\"salt\":\""
        + salt
        + "\",\"subject\":\"s-1\",\"time\":\"2026-11-28T18:00:00.000Z\",\"type\":\"seal.created\""
        + ",\"version\":1"
        + extra
        + "}";
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void writesCanonicalBytesInTheDesignedShape() {
    EventEnvelope envelope =
        new EventEnvelope(
            "seal.govchain.example",
            "seal.created",
            "s-1",
            1,
            Instant.parse("2026-11-28T18:00:00Z"),
            Map.of("a", 1),
            SALT);

    assertThat(new String(envelope.toCanonicalBytes(), StandardCharsets.UTF_8))
        .isEqualTo(json(SALT, ""));
  }

  @Test
  void createTruncatesTimeToMillisecondsAndDrawsA32ByteSalt() {
    EventEnvelope envelope = sample();

    assertThat(envelope.time()).isEqualTo(Instant.parse("2026-11-28T18:00:00.123Z"));
    assertThat(envelope.timeText()).isEqualTo("2026-11-28T18:00:00.123Z");
    assertThat(envelope.salt()).hasSize(43).doesNotContain("=");
    assertThat(java.util.Base64.getUrlDecoder().decode(envelope.salt())).hasSize(32);
  }

  @Test
  void roundTripsThroughCanonicalBytes() {
    EventEnvelope envelope = sample();

    byte[] bytes = envelope.toCanonicalBytes();
    EventEnvelope parsed = EventEnvelope.parse(bytes);

    assertThat(parsed).isEqualTo(envelope);
    assertThat(parsed.toCanonicalBytes()).isEqualTo(bytes);
    assertThat(parsed.data().get("ratio")).isEqualTo(0.25);
    assertThat(parsed.data().get("holder")).isEqualTo(Map.of("code", 42L, "unit", "Finance"));
  }

  @Test
  void keepsAnImmutableDeepCopyOfData() {
    List<Object> tags = new ArrayList<>(List.of("a"));
    Map<String, Object> data = new HashMap<>();
    data.put("tags", tags);
    EventEnvelope envelope =
        EventEnvelope.create("log.example", "svc.event", "s", 1, TIME, data, RANDOM);

    tags.add("b");
    data.put("other", 1);

    assertThat(envelope.data()).isEqualTo(Map.of("tags", List.of("a")));
    assertThatThrownBy(() -> envelope.data().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> copied = (List<Object>) envelope.data().get("tags");
    assertThatThrownBy(() -> copied.add("c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void sameContentWithDifferentSaltsHashesDifferently() throws NoSuchAlgorithmException {
    EventEnvelope first = sample();
    EventEnvelope second =
        EventEnvelope.create(
            first.log(),
            first.type(),
            first.subject(),
            first.version(),
            first.time(),
            first.data(),
            RANDOM);

    assertThat(second.salt()).isNotEqualTo(first.salt());
    assertThat(leafHash(second.toCanonicalBytes()))
        .isNotEqualTo(leafHash(first.toCanonicalBytes()));
    EventEnvelope sameSalt =
        new EventEnvelope(
            first.log(),
            first.type(),
            first.subject(),
            first.version(),
            first.time(),
            first.data(),
            first.salt());
    assertThat(leafHash(sameSalt.toCanonicalBytes())).isEqualTo(leafHash(first.toCanonicalBytes()));
  }

  private static byte[] leafHash(byte[] leaf) throws NoSuchAlgorithmException {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update((byte) 0x00);
    return sha256.digest(leaf);
  }

  @Test
  void parsesHandWrittenCanonicalEnvelope() {
    EventEnvelope envelope = EventEnvelope.parse(bytes(json(SALT, "")));

    assertThat(envelope.version()).isEqualTo(1);
    assertThat(envelope.time()).isEqualTo(Instant.parse("2026-11-28T18:00:00Z"));
    assertThat(envelope.data()).isEqualTo(Map.of("a", 1L));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        " {}", // whitespace
        "{\"log\":\"x\"}\n", // trailing newline
        "not json",
      })
  void rejectsBytesThatAreNotCanonicalJson(String text) {
    assertThatThrownBy(() -> EventEnvelope.parse(bytes(text)))
        .isInstanceOfSatisfying(
            InvalidEnvelopeException.class,
            e -> assertThat(e.field()).isEqualTo(InvalidEnvelopeException.WHOLE_ENVELOPE));
  }

  @Test
  void rejectsValidEnvelopeWithNonCanonicalSpelling() {
    String valid = json(SALT, "");
    String reordered =
        "{"
            + valid.substring(valid.indexOf("\"log\""), valid.length() - 1)
            + ",\"data\":{\"a\":1}}";
    String spaced = valid.replace("\"version\":1", "\"version\": 1");
    String escaped = json(SALT, "").replace("s-1", "s\\u002d1");
    String floatVersion = json(SALT, "").replace("\"version\":1", "\"version\":1.0");

    for (String text : List.of(reordered, spaced, escaped, floatVersion)) {
      assertThat(text).isNotEqualTo(valid);
      assertThat(org.govchain.anchor.canonical.Jcs.canonicalize(text)).isEqualTo(bytes(valid));
      assertThatThrownBy(() -> EventEnvelope.parse(bytes(text)))
          .as(text)
          .isInstanceOfSatisfying(
              InvalidEnvelopeException.class,
              e -> assertThat(e.field()).isEqualTo(InvalidEnvelopeException.WHOLE_ENVELOPE));
    }
  }

  @Test
  void rejectsMissingOrExtraMembers() {
    String missing = json(SALT, "").replace(",\"version\":1", "");
    String extra = json(SALT, "").replace("\"version\":1", "\"version\":1,\"zeta\":0");

    for (String text : List.of(missing, extra, "[]", "{}")) {
      assertThatThrownBy(() -> EventEnvelope.parse(bytes(text)))
          .as(text)
          .isInstanceOfSatisfying(
              InvalidEnvelopeException.class,
              e -> assertThat(e.field()).isEqualTo(InvalidEnvelopeException.WHOLE_ENVELOPE));
    }
    // the same words on every run (and in the portal's verifier): both lists sorted
    assertThatThrownBy(() -> EventEnvelope.parse(bytes(extra)))
        .hasMessageContaining(
            "members must be exactly [data, log, salt, subject, time, type, version]"
                + " but are [data, log, salt, subject, time, type, version, zeta]");
  }

  @ParameterizedTest(name = "{0} <- {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "log|\"log\":\"seal.govchain.example\"|\"log\":\"\"",
        "log|\"log\":\"seal.govchain.example\"|\"log\":\" seal\"",
        "log|\"log\":\"seal.govchain.example\"|\"log\":\"a\\nb\"",
        "log|\"log\":\"seal.govchain.example\"|\"log\":7",
        "type|\"type\":\"seal.created\"|\"type\":\"seal\"",
        "type|\"type\":\"seal.created\"|\"type\":\"Seal.created\"",
        "type|\"type\":\"seal.created\"|\"type\":\"seal.\"",
        "type|\"type\":\"seal.created\"|\"type\":\"1seal.created\"",
        "type|\"type\":\"seal.created\"|\"type\":\"seal_x.created\"",
        "type|\"type\":\"seal.created\"|\"type\":null",
        "subject|\"subject\":\"s-1\"|\"subject\":\"\"",
        "subject|\"subject\":\"s-1\"|\"subject\":1",
        "version|\"version\":1|\"version\":0",
        "version|\"version\":1|\"version\":-1",
        "version|\"version\":1|\"version\":1.5",
        "version|\"version\":1|\"version\":\"1\"",
        "version|\"version\":1|\"version\":1e+21",
        "time|\"time\":\"2026-11-28T18:00:00.000Z\"|\"time\":\"2026-11-28T18:00:00Z\"",
        "time|\"time\":\"2026-11-28T18:00:00.000Z\"|\"time\":\"2026-11-28T18:00:00.000000Z\"",
        "time|\"time\":\"2026-11-28T18:00:00.000Z\"|\"time\":\"2026-11-28T18:00:00.000+00:00\"",
        "time|\"time\":\"2026-11-28T18:00:00.000Z\"|\"time\":\"2026-11-28t18:00:00.000z\"",
        "time|\"time\":\"2026-11-28T18:00:00.000Z\"|\"time\":\"2026-02-30T18:00:00.000Z\"",
        "time|\"time\":\"2026-11-28T18:00:00.000Z\"|\"time\":\"2026-11-28T24:00:00.000Z\"",
        "time|\"time\":\"2026-11-28T18:00:00.000Z\"|\"time\":\"2026-11-28T23:59:60.000Z\"",
        "time|\"time\":\"2026-11-28T18:00:00.000Z\"|\"time\":1795000000000",
        "data|\"data\":{\"a\":1}|\"data\":[1]",
        "data|\"data\":{\"a\":1}|\"data\":null",
        "salt|\"salt\":\"SALT\"|\"salt\":\"AAAA\"",
        "salt|\"salt\":\"SALT\"|\"salt\":\"SALT=\"",
        "salt|\"salt\":\"SALT\"|\"salt\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+E\"",
        "salt|\"salt\":\"SALT\"|\"salt\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAF\"",
        "salt|\"salt\":\"SALT\"|\"salt\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"",
      })
  void rejectsEachBrokenMemberNamingIt(String field, String good, String bad) {
    String valid = json(SALT, "");
    String original = good.replace("SALT", SALT);
    assertThat(valid).contains(original);
    // Re-canonicalize so only the member is wrong, not the byte form.
    byte[] text =
        org.govchain.anchor.canonical.Jcs.canonicalize(
            valid.replace(original, bad.replace("SALT", SALT)));

    assertThatThrownBy(() -> EventEnvelope.parse(text))
        .isInstanceOfSatisfying(
            InvalidEnvelopeException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void constructorRejectsTimeFinerThanMilliseconds() {
    assertThatThrownBy(() -> new EventEnvelope("l", "a.b", "s", 1, TIME, Map.of(), SALT))
        .isInstanceOfSatisfying(
            InvalidEnvelopeException.class, e -> assertThat(e.field()).isEqualTo("time"));
  }

  @Test
  void createRejectsDataThatIsNotCanonicalJson() {
    Map<String, Object> data = Map.of("amount", 1.5f);

    assertThatThrownBy(() -> EventEnvelope.create("l", "a.b", "s", 1, TIME, data, RANDOM))
        .isInstanceOfSatisfying(
            InvalidEnvelopeException.class, e -> assertThat(e.field()).isEqualTo("data"));
  }

  @Test
  void createRejectsVersionBelowOneAndMissingTime() {
    assertThatThrownBy(() -> EventEnvelope.create("l", "a.b", "s", 0, TIME, Map.of(), RANDOM))
        .isInstanceOfSatisfying(
            InvalidEnvelopeException.class, e -> assertThat(e.field()).isEqualTo("version"));
    assertThatThrownBy(() -> EventEnvelope.create("l", "a.b", "s", 1, null, Map.of(), RANDOM))
        .isInstanceOfSatisfying(
            InvalidEnvelopeException.class, e -> assertThat(e.field()).isEqualTo("time"));
  }
}
