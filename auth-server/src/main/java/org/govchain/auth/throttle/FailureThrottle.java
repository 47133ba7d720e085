package org.govchain.auth.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.govchain.auth.config.AuthServerProperties;

/**
 * Counts consecutive failed authentications per client id or account name and per remote address,
 * and refuses every attempt — the right secret too — while its name or its address is locked: after
 * {@code maxFailures} failures of a name (or {@code addressMaxFailures} from an address) for {@code
 * initialBackoff}, doubling with each further failure up to {@code maxBackoff}. A success resets
 * both counters of the attempt; a counter without a failure for {@code resetAfter} is forgotten.
 *
 * <p>In memory (the auth server runs as one instance) and bounded: at most {@code maxEntries}
 * counters, the least recently used dropped first, so random client ids cannot grow it.
 *
 * <p>Secrets are checked outside the throttle's lock, so parallel attempts could all be admitted
 * before the first of them fails. Once a counter holds a failure, an attempt is therefore counted
 * as failed when it is admitted, and a success takes that back by resetting: parallel guessing
 * meets the lock as soon as sequential guessing does, while a client with a clean record may send
 * as many requests at once as it likes.
 */
public final class FailureThrottle {

  /** Names longer than this are counted under their SHA-256, so no counter holds a huge key. */
  static final int LONGEST_KEY = 128;

  private final AuthServerProperties.Throttle settings;
  private final Clock clock;
  private final ThrottleLog log;
  private final Map<String, Counter> counters;

  public FailureThrottle(AuthServerProperties.Throttle settings, Clock clock, SecureRandom random) {
    this.settings = settings;
    this.clock = clock;
    this.log = new ThrottleLog(random);
    int max = settings.maxEntries();
    this.counters =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Counter> eldest) {
            return size() > max;
          }
        };
  }

  /**
   * Lets an attempt be checked, or refuses it while its name or its address is locked.
   *
   * @return the ticket on which the caller reports the outcome of the check
   * @throws ThrottledException while locked, with the time until the later lock ends
   */
  public synchronized Ticket admit(Attempt attempt) {
    Instant now = clock.instant();
    String nameKey = nameKey(attempt);
    String addressKey = "address:" + RemoteAddress.counterOf(attempt.address());
    Counter name = current(nameKey, now);
    Counter address = current(addressKey, now);
    Counter lock = laterLock(name, address, now);
    if (lock != null) {
      if (!lock.refusalLogged) {
        lock.refusalLogged = true;
        String what =
            lock == name
                ? "it is"
                : "its address " + RemoteAddress.counterOf(attempt.address()) + " is";
        log.refused(attempt, what, lock.failures, lock.lockedUntil);
      }
      throw new ThrottledException(Duration.between(now, lock.lockedUntil));
    }
    // a counter exists only while it holds failures: this attempt counts as failed until it
    // succeeds
    if (name != null) {
      countFailure(name, now, settings.maxFailures());
    }
    if (address != null) {
      countFailure(address, now, settings.addressMaxFailures());
    }
    return new Ticket(attempt, nameKey, addressKey, name != null, address != null);
  }

  /** How many counters are kept. */
  synchronized int size() {
    return counters.size();
  }

  /** The lock after {@code beyond} failures past the limit: doubled each time, capped. */
  Duration backoff(int beyond) {
    Duration lock = settings.initialBackoff();
    for (int i = 0; i < beyond && lock.compareTo(settings.maxBackoff()) < 0; i++) {
      lock = lock.multipliedBy(2);
    }
    return lock.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : lock;
  }

  private synchronized void failed(Ticket ticket) {
    Instant now = clock.instant();
    Counter name = counters.computeIfAbsent(ticket.nameKey, k -> new Counter());
    if (!ticket.nameCounted) {
      countFailure(name, now, settings.maxFailures());
    }
    if (name.isLocked(now) && !name.lockLogged) {
      name.lockLogged = true;
      log.nameLocked(ticket.attempt, name.failures, name.lockedUntil);
    }
    Counter address = counters.computeIfAbsent(ticket.addressKey, k -> new Counter());
    if (!ticket.addressCounted) {
      countFailure(address, now, settings.addressMaxFailures());
    }
    if (address.isLocked(now) && !address.lockLogged) {
      address.lockLogged = true;
      log.addressLocked(
          ticket.attempt,
          RemoteAddress.counterOf(ticket.attempt.address()),
          address.failures,
          address.lockedUntil);
    }
  }

  private synchronized void succeeded(Ticket ticket) {
    counters.remove(ticket.nameKey);
    counters.remove(ticket.addressKey);
  }

  /**
   * Adds a failure, and locks the counter once it reached {@code limit}. The lock is logged when an
   * attempt is known to have failed: one admitted with failures on its counters may still succeed.
   */
  private void countFailure(Counter counter, Instant now, int limit) {
    counter.failures++;
    counter.lastFailure = now;
    if (counter.failures >= limit) {
      counter.lockedUntil = now.plus(backoff(counter.failures - limit));
      counter.lockLogged = false;
      counter.refusalLogged = false;
    }
  }

  /** The counter under {@code key}, unless there is none or it is forgotten by now. */
  private Counter current(String key, Instant now) {
    Counter counter = counters.get(key);
    if (counter != null
        && !counter.isLocked(now)
        && counter.lastFailure.plus(settings.resetAfter()).isBefore(now)) {
      counters.remove(key);
      return null;
    }
    return counter;
  }

  private static Counter laterLock(Counter name, Counter address, Instant now) {
    Counter lock = name != null && name.isLocked(now) ? name : null;
    if (address != null
        && address.isLocked(now)
        && (lock == null || address.lockedUntil.isAfter(lock.lockedUntil))) {
      lock = address;
    }
    return lock;
  }

  private static String nameKey(Attempt attempt) {
    String name = attempt.name();
    if (name.length() > LONGEST_KEY) {
      name = "sha256:" + sha256(name);
    }
    return attempt.kind().label() + ':' + name;
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** One name's or address's record. Guarded by the throttle's monitor. */
  private static final class Counter {
    int failures;
    Instant lastFailure = Instant.EPOCH;
    Instant lockedUntil = Instant.EPOCH;
    boolean lockLogged;
    boolean refusalLogged;

    boolean isLocked(Instant now) {
      return lockedUntil.isAfter(now);
    }
  }

  /**
   * An admitted attempt. Its checker reports the outcome once, {@link #failed} or {@link
   * #succeeded}; an attempt that ends otherwise (a server error) is left as it was counted.
   */
  public final class Ticket {
    private final Attempt attempt;
    private final String nameKey;
    private final String addressKey;
    private final boolean nameCounted;
    private final boolean addressCounted;
    private boolean reported;

    private Ticket(
        Attempt attempt,
        String nameKey,
        String addressKey,
        boolean nameCounted,
        boolean addressCounted) {
      this.attempt = attempt;
      this.nameKey = nameKey;
      this.addressKey = addressKey;
      this.nameCounted = nameCounted;
      this.addressCounted = addressCounted;
    }

    /** The secret or password was wrong, or the name unknown. */
    public void failed() {
      if (firstReport()) {
        FailureThrottle.this.failed(this);
      }
    }

    /** The secret or password was right: both counters start afresh. */
    public void succeeded() {
      if (firstReport()) {
        FailureThrottle.this.succeeded(this);
      }
    }

    private synchronized boolean firstReport() {
      boolean first = !reported;
      reported = true;
      return first;
    }
  }
}
