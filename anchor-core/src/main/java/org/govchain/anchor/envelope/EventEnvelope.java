package org.govchain.anchor.envelope;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.govchain.anchor.canonical.CanonicalJsonException;
import org.govchain.anchor.canonical.Jcs;

/**
 * The leaf data of a GovChain log (DESIGN §2): one record change, serialized with RFC 8785.
 *
 * <p>Canonical form: {@code
 * {"data":{…},"log":"…","salt":"…","subject":"…","time":"…","type":"…","version":n}}.
 *
 * <p>Rules, checked by the constructor and by {@link #parse}:
 *
 * <ul>
 *   <li>{@code log}: the log's origin; non-empty, no control characters, no leading or trailing
 *       whitespace.
 *   <li>{@code type}: {@code <service>.<event>} matching {@code [a-z][a-z0-9-]*\.[a-z][a-z0-9-.]*}
 *       (lowercase; the event part may itself be dotted, e.g. {@code seal.sealing.created}).
 *   <li>{@code subject}: the record id; non-empty, no control characters.
 *   <li>{@code version}: 1 to 2^53 (an exact JSON number).
 *   <li>{@code time}: UTC, millisecond precision, years 0000–9999; written as {@code
 *       2026-11-28T18:00:00.000Z} (always three fraction digits, always {@code Z}).
 *   <li>{@code data}: a JSON object; held as an immutable deep copy in the value model of {@link
 *       Jcs#parse} (numbers become {@code Long} or {@code Double}), so an envelope equals its own
 *       parsed bytes.
 *   <li>{@code salt}: base64url without padding of exactly 32 bytes (43 characters, canonical).
 * </ul>
 */
public record EventEnvelope(
    String log,
    String type,
    String subject,
    long version,
    Instant time,
    Map<String, Object> data,
    String salt) {

  /** Bytes of randomness in the salt. */
  public static final int SALT_BYTES = 32;

  private static final long MAX_VERSION = 1L << 53;
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z][a-z0-9-.]*");
  private static final Pattern SALT = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Pattern TIME =
      Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z");
  private static final DateTimeFormatter TIME_FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(ZoneOffset.UTC)
          .withResolverStyle(ResolverStyle.STRICT);
  private static final Instant MIN_TIME = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant MAX_TIME = Instant.parse("9999-12-31T23:59:59.999Z");

  /** Sorted, so that messages naming them read the same on every run. */
  private static final Set<String> MEMBERS =
      Collections.unmodifiableSortedSet(
          new TreeSet<>(List.of("log", "type", "subject", "version", "time", "data", "salt")));

  /**
   * Validates every member and makes {@code data} an immutable deep copy.
   *
   * @throws InvalidEnvelopeException naming the first member that breaks the class rules; {@code
   *     time} must already be whole milliseconds (use {@link #create} to truncate)
   */
  public EventEnvelope {
    requireText("log", log, true);
    if (type == null || !TYPE.matcher(type).matches()) {
      throw new InvalidEnvelopeException("type", "must match " + TYPE + ": " + type);
    }
    requireText("subject", subject, false);
    if (version < 1 || version > MAX_VERSION) {
      throw new InvalidEnvelopeException("version", "must be 1 to 2^53: " + version);
    }
    if (time == null) {
      throw new InvalidEnvelopeException("time", "missing");
    }
    if (time.getNano() % 1_000_000 != 0) {
      throw new InvalidEnvelopeException("time", "finer than milliseconds: " + time);
    }
    if (time.isBefore(MIN_TIME) || time.isAfter(MAX_TIME)) {
      throw new InvalidEnvelopeException("time", "outside years 0000-9999: " + time);
    }
    data = immutableCopy(data);
    if (salt == null || !SALT.matcher(salt).matches()) {
      throw new InvalidEnvelopeException("salt", "must be 43 base64url characters: " + salt);
    }
    byte[] raw = Base64.getUrlDecoder().decode(salt);
    if (raw.length != SALT_BYTES
        || !Base64.getUrlEncoder().withoutPadding().encodeToString(raw).equals(salt)) {
      throw new InvalidEnvelopeException("salt", "not the canonical encoding of 32 bytes");
    }
  }

  /**
   * Builds an envelope with a fresh salt.
   *
   * @param time truncated to milliseconds
   * @param data the record after the change; any value {@link Jcs#serialize} accepts per member
   * @param random source of the 32 salt bytes (a {@link SecureRandom})
   * @throws InvalidEnvelopeException if a member breaks the class rules
   */
  public static EventEnvelope create(
      String log,
      String type,
      String subject,
      long version,
      Instant time,
      Map<String, ?> data,
      SecureRandom random) {
    Objects.requireNonNull(random, "random");
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    Instant millis = time == null ? null : time.truncatedTo(ChronoUnit.MILLIS);
    @SuppressWarnings("unchecked")
    Map<String, Object> members = (Map<String, Object>) data;
    return new EventEnvelope(
        log,
        type,
        subject,
        version,
        millis,
        members,
        Base64.getUrlEncoder().withoutPadding().encodeToString(salt));
  }

  /** The exact leaf bytes: this envelope as RFC 8785 canonical JSON in UTF-8. */
  public byte[] toCanonicalBytes() {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("log", log);
    members.put("type", type);
    members.put("subject", subject);
    members.put("version", version);
    members.put("time", TIME_FORMAT.format(time));
    members.put("data", data);
    members.put("salt", salt);
    return Jcs.serialize(members);
  }

  /**
   * Reads stored leaf bytes strictly: they must be exactly canonical JSON of an object with the
   * seven members, each of the right JSON type and meeting the class rules.
   *
   * @throws InvalidEnvelopeException naming the member at fault, or {@link
   *     InvalidEnvelopeException#WHOLE_ENVELOPE} for bytes that are not canonical JSON or have
   *     other members
   */
  public static EventEnvelope parse(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    Object parsed;
    byte[] canonical;
    try {
      parsed = Jcs.parse(bytes);
      canonical = Jcs.serialize(parsed);
    } catch (CanonicalJsonException e) {
      throw new InvalidEnvelopeException(
          InvalidEnvelopeException.WHOLE_ENVELOPE, "not JSON: " + e.getMessage(), e);
    }
    if (!Arrays.equals(bytes, canonical)) {
      throw new InvalidEnvelopeException(
          InvalidEnvelopeException.WHOLE_ENVELOPE, "not in RFC 8785 canonical form");
    }
    if (!(parsed instanceof Map<?, ?> members)) {
      throw new InvalidEnvelopeException(InvalidEnvelopeException.WHOLE_ENVELOPE, "not an object");
    }
    if (!members.keySet().equals(MEMBERS)) {
      throw new InvalidEnvelopeException(
          InvalidEnvelopeException.WHOLE_ENVELOPE,
          "members must be exactly " + MEMBERS + " but are " + sorted(members.keySet()));
    }
    Object version = members.get("version");
    if (!(version instanceof Long number)) {
      throw new InvalidEnvelopeException("version", "not an integer: " + version);
    }
    String time = string(members, "time");
    if (!TIME.matcher(time).matches()) {
      throw new InvalidEnvelopeException("time", "not yyyy-MM-ddTHH:mm:ss.SSSZ: " + time);
    }
    Instant instant;
    try {
      instant = Instant.from(TIME_FORMAT.parse(time));
    } catch (DateTimeParseException e) {
      throw new InvalidEnvelopeException("time", "not a valid date and time: " + time, e);
    }
    if (!(members.get("data") instanceof Map<?, ?> data)) {
      throw new InvalidEnvelopeException("data", "not an object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> dataMembers = (Map<String, Object>) data;
    return new EventEnvelope(
        string(members, "log"),
        string(members, "type"),
        string(members, "subject"),
        number,
        instant,
        dataMembers,
        string(members, "salt"));
  }

  /** The {@code time} member as written in the canonical bytes. */
  public String timeText() {
    return TIME_FORMAT.format(time);
  }

  private static String string(Map<?, ?> members, String field) {
    Object value = members.get(field);
    if (!(value instanceof String text)) {
      throw new InvalidEnvelopeException(field, "not a string: " + value);
    }
    return text;
  }

  private static void requireText(String field, String value, boolean trimmed) {
    if (value == null || value.isEmpty()) {
      throw new InvalidEnvelopeException(field, "missing or empty");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidEnvelopeException(field, "contains control characters");
    }
    if (trimmed && !value.strip().equals(value)) {
      throw new InvalidEnvelopeException(field, "has leading or trailing whitespace");
    }
  }

  private static Map<String, Object> immutableCopy(Map<String, ?> data) {
    if (data == null) {
      throw new InvalidEnvelopeException("data", "missing");
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> copy = (Map<String, Object>) Jcs.parse(Jcs.serialize(data));
      return copy;
    } catch (CanonicalJsonException e) {
      throw new InvalidEnvelopeException("data", e.getMessage(), e);
    }
  }

  private static Set<String> sorted(Set<?> names) {
    Set<String> sorted = new TreeSet<>();
    names.forEach(name -> sorted.add(String.valueOf(name)));
    return sorted;
  }
}
