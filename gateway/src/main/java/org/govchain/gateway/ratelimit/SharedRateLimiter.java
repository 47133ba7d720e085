package org.govchain.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Client limits that hold across gateway replicas: each client's requests are counted in one Redis
 * server all replicas share, by a Lua fixed-window script run with {@code EVALSHA} (loaded again
 * when the server answers {@code NOSCRIPT}). A window's key is {@code govchain:rl:<scope>:} and the
 * SHA-256 of the client key (never a user name or an address in clear) and lives for the window.
 *
 * <p>Limits never stop the gateway: when Redis fails or does not answer within the timeout, the
 * request is counted by the caller's in-memory limiter instead (each replica its own share), with
 * one WARN when Redis starts failing and one INFO when it answers again; Redis is tried again one
 * back-off after the last failure, not on every request.
 */
final class SharedRateLimiter implements AutoCloseable {

  /** How long after a failure Redis is left alone. */
  static final Duration BACK_OFF = Duration.ofSeconds(1);

  /**
   * How long the start may wait for the first connection and count ({@link #warmUp}): a cold JVM
   * takes far longer than a request's timeout to open Redis's first connection (the client's
   * classes, event loops and the script), and that time must not make the first requests fall back
   * to memory.
   */
  static final Duration WARM_UP = Duration.ofSeconds(10);

  /**
   * KEYS[1] the window, ARGV[1] its length in ms, ARGV[2] the limit: 0 if the request is within the
   * limit, else the milliseconds until the window ends (at least 1).
   */
  static final String SCRIPT =
      """
      local n = redis.call('INCR', KEYS[1])
      local ttl = redis.call('PTTL', KEYS[1])
      if n == 1 or ttl < 0 then
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        ttl = tonumber(ARGV[1])
      end
      if n <= tonumber(ARGV[2]) then
        return 0
      end
      return math.max(ttl, 1)
      """;

  private static final Logger LOG = LoggerFactory.getLogger(SharedRateLimiter.class);

  private final RedisClient client;
  private final RedisURI uri;
  private final String where;
  private final Duration timeout;
  private final Clock clock;
  private final String sha = sha1Hex(SCRIPT);
  private final AtomicReference<StatefulRedisConnection<String, String>> connection =
      new AtomicReference<>();
  private final AtomicBoolean failing = new AtomicBoolean();
  private volatile Instant retryAt = Instant.MIN;

  private SharedRateLimiter(RedisURI uri, Duration timeout, Clock clock) {
    this.uri = uri;
    this.where = uri.getHost() + ":" + uri.getPort();
    this.timeout = timeout;
    this.clock = clock;
    this.client = RedisClient.create();
    this.client.setOptions(
        ClientOptions.builder()
            // a failed connection is dropped and opened again after the back-off (failed)
            .autoReconnect(false)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
            .build());
  }

  /**
   * A limiter on the Redis server at {@code redis}'s URL, which must carry no password.
   *
   * @throws IllegalArgumentException if the URL is malformed or has a password in it
   */
  static SharedRateLimiter connect(RateLimitProperties.Redis redis, Clock clock) {
    RedisURI uri = parse(redis.url());
    if (redis.password() != null && !redis.password().isBlank()) {
      uri.setPassword(redis.password().strip().toCharArray());
    }
    uri.setTimeout(redis.timeout());
    return new SharedRateLimiter(uri, redis.timeout(), clock);
  }

  /**
   * Parses a Redis URL that names no password (it would be in clear wherever the URL shows: process
   * lists, configuration dumps, logs).
   */
  static RedisURI parse(String url) {
    RedisURI uri;
    try {
      uri = RedisURI.create(url.strip());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "govchain.gateway.rate-limit.redis.url (GOVCHAIN_RATE_LIMIT_REDIS_URL) is not a Redis"
              + " URL (redis://host:port)");
    }
    if (uri.getPassword() != null && uri.getPassword().length > 0) {
      throw new IllegalArgumentException(
          "govchain.gateway.rate-limit.redis.url (GOVCHAIN_RATE_LIMIT_REDIS_URL) has a password"
              + " in it; refused: give it as GOVCHAIN_RATE_LIMIT_REDIS_PASSWORD (a secret)");
    }
    return uri;
  }

  /**
   * Opens the connection, loads the script and counts once under a key of its own, waiting at most
   * {@code patience}; called once at the start, so that the first requests find everything ready
   * and only a count's own time is measured against the timeout. Returns whether Redis answered;
   * when it did not, limits start in memory (one WARN) and Redis is tried after the back-off, as on
   * any failure.
   */
  boolean warmUp(Duration patience) {
    RateLimitProperties.Limit probe = new RateLimitProperties.Limit(1, Duration.ofSeconds(1));
    // the handshake (HELLO, AUTH) of this first connection may take the whole patience too
    RedisURI patient = RedisURI.builder(uri).withTimeout(patience).build();
    try {
      connection(patient)
          .flatMap(c -> c.reactive().scriptLoad(SCRIPT))
          .then(count("govchain:rl:warm-up", probe))
          .block(patience);
      LOG.info("rate limits: Redis at {} answers; limits hold across replicas", where);
      return true;
    } catch (RuntimeException e) {
      failed(e, OptionalLong::empty);
      return false;
    }
  }

  /**
   * Takes a permit for {@code client} within {@code limit}, counted in Redis under {@code scope}:
   * empty if granted, else the time to wait in nanoseconds. Falls back to {@code local} when Redis
   * fails or is slow, and within the back-off after such a failure.
   */
  Mono<OptionalLong> acquire(
      String scope, RateLimitProperties.Limit limit, String client, Supplier<OptionalLong> local) {
    if (failing.get() && clock.instant().isBefore(retryAt)) {
      return Mono.fromSupplier(local);
    }
    String key = "govchain:rl:" + scope + ":" + hash(client);
    return count(key, limit)
        .timeout(timeout)
        .map(this::recovered)
        .onErrorResume(e -> Mono.fromSupplier(() -> failed(e, local)));
  }

  private Mono<OptionalLong> count(String key, RateLimitProperties.Limit limit) {
    String[] keys = {key};
    String window = Long.toString(Math.max(1, limit.period().toMillis()));
    String requests = Integer.toString(limit.requests());
    return connection(uri)
        .flatMap(
            c ->
                c.reactive()
                    .<Long>evalsha(sha, ScriptOutputType.INTEGER, keys, window, requests)
                    .next()
                    .onErrorResume(
                        RedisNoScriptException.class,
                        e ->
                            c.reactive()
                                .scriptLoad(SCRIPT)
                                .then(
                                    c.reactive()
                                        .<Long>evalsha(
                                            sha, ScriptOutputType.INTEGER, keys, window, requests)
                                        .next())))
        .map(
            waitMillis ->
                waitMillis <= 0
                    ? OptionalLong.empty()
                    : OptionalLong.of(TimeUnit.MILLISECONDS.toNanos(waitMillis)));
  }

  /** The open connection, or a new one (the first, or after one that could not be opened). */
  private Mono<StatefulRedisConnection<String, String>> connection(RedisURI target) {
    StatefulRedisConnection<String, String> open = connection.get();
    if (open != null) {
      return Mono.just(open);
    }
    return Mono.fromCompletionStage(() -> client.connectAsync(StringCodec.UTF8, target))
        .map(
            made -> {
              if (connection.compareAndSet(null, made)) {
                return made;
              }
              made.closeAsync();
              return connection.get();
            });
  }

  private OptionalLong recovered(OptionalLong wait) {
    if (failing.compareAndSet(true, false)) {
      LOG.info("rate limits: Redis at {} answers again; limits hold across replicas", where);
    }
    return wait;
  }

  private OptionalLong failed(Throwable error, Supplier<OptionalLong> local) {
    retryAt = clock.instant().plus(BACK_OFF);
    // whatever went wrong, the next try after the back-off opens a new connection: one that
    // broke may not know it yet, and a slow one is not worth keeping
    StatefulRedisConnection<String, String> lost = connection.getAndSet(null);
    if (lost != null) {
      lost.closeAsync();
    }
    if (failing.compareAndSet(false, true)) {
      LOG.warn(
          "rate limits: Redis at {} failed ({}); each replica limits its clients alone until it"
              + " answers",
          where,
          describe(error));
    }
    return local.get();
  }

  /**
   * The failure's kind and Redis's or the network's words (no client key is ever in them: the keys
   * are hashes, and commands are not echoed).
   */
  private static String describe(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? "" : ": " + cause.getMessage().strip();
    String text = cause.getClass().getSimpleName() + message;
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  /** Whether the last count fell back to memory. */
  boolean failing() {
    return failing.get();
  }

  /** The client key as stored: unpadded base64url SHA-256, never the key in clear. */
  static String hash(String client) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(digest("SHA-256", client.getBytes(StandardCharsets.UTF_8)));
  }

  static String sha1Hex(String script) {
    return HexFormat.of().formatHex(digest("SHA-1", script.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] digest(String algorithm, byte[] input) {
    try {
      return MessageDigest.getInstance(algorithm).digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    StatefulRedisConnection<String, String> open = connection.getAndSet(null);
    if (open != null) {
      open.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
  }
}
