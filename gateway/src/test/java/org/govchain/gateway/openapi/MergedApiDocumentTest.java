package org.govchain.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.govchain.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class MergedApiDocumentTest {

  private static final Duration PERIOD = Duration.ofSeconds(30);
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final JsonNode SEAL =
      JSON.readTree("{\"openapi\":\"3.1.0\",\"paths\":{\"/api/seal/seals\":{}}}");
  private static final JsonNode SSC =
      JSON.readTree("{\"openapi\":\"3.1.0\",\"paths\":{\"/api/ssc/cards\":{}}}");

  private final TestClock clock = TestClock.systemUtc();

  /** What the services answer next, and every request id the documents were asked with. */
  private final class Services {
    final List<String> askedWith = new CopyOnWriteArrayList<>();
    volatile Mono<List<FetchedDocument>> next =
        Mono.just(List.of(FetchedDocument.of("seal", SEAL), FetchedDocument.of("ssc", SSC)));

    MergedApiDocument merged(Duration period) {
      return new MergedApiDocument(
          requestId -> {
            askedWith.add(requestId);
            return next;
          },
          period,
          clock);
    }
  }

  private final Services services = new Services();

  @Test
  void isMadeOnceAPeriodHoweverManyAskAndAgainWhenThePeriodIsOver() {
    MergedApiDocument merged = services.merged(PERIOD);
    ObjectNode first = merged.get("first").block(WAIT);
    for (int i = 0; i < 50; i++) {
      assertThat(merged.get("call-" + i).block(WAIT)).isSameAs(first);
    }
    // the clock also runs on its own: a second's margin for the time this test takes
    clock.advance(PERIOD.minusSeconds(1));
    assertThat(merged.get("before-the-end").block(WAIT)).isSameAs(first);
    assertThat(services.askedWith).containsExactly("first");

    clock.advance(Duration.ofSeconds(1));
    ObjectNode second = merged.get("after-the-period").block(WAIT);
    assertThat(second).isNotSameAs(first);
    assertThat(second.path("paths").has("/api/seal/seals")).isTrue();
    assertThat(services.askedWith)
        .as("the caller who found it out of date asks the services, with its request id")
        .containsExactly("first", "after-the-period");
  }

  @Test
  void callersWhileItIsBeingMadeWaitForTheSameMaking() {
    Sinks.One<List<FetchedDocument>> answers = Sinks.one();
    services.next = answers.asMono();
    MergedApiDocument merged = services.merged(PERIOD);
    List<ObjectNode> received = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 20; i++) {
      merged.get("waiting-" + i).subscribe(received::add);
    }
    assertThat(services.askedWith).containsExactly("waiting-0");
    assertThat(received).isEmpty();

    answers.tryEmitValue(List.of(FetchedDocument.of("seal", SEAL)));
    assertThat(received).hasSize(20);
    assertThat(received).allSatisfy(d -> assertThat(d).isSameAs(received.get(0)));
    assertThat(merged.get("later").block(WAIT)).isSameAs(received.get(0));
    assertThat(services.askedWith).hasSize(1);
  }

  @Test
  void aCallerWhoGoesAwayDoesNotStopTheMakingTheOthersWaitFor() {
    Sinks.One<List<FetchedDocument>> answers = Sinks.one();
    services.next = answers.asMono();
    MergedApiDocument merged = services.merged(PERIOD);
    List<ObjectNode> received = new ArrayList<>();
    Disposable goneAway = merged.get("gone").subscribe();
    merged.get("waiting").subscribe(received::add);
    goneAway.dispose();

    assertThat(answers.currentSubscriberCount()).as("the services are still asked").isEqualTo(1);
    answers.tryEmitValue(List.of(FetchedDocument.of("seal", SEAL)));
    assertThat(received).hasSize(1);
    assertThat(merged.get("later").block(WAIT)).isSameAs(received.get(0));
    assertThat(services.askedWith).containsExactly("gone");
  }

  @Test
  void aServiceThatStopsAnsweringKeepsItsLastDocumentNamedStaleUntilItAnswersAgain() {
    services.next =
        Mono.just(
            List.of(
                FetchedDocument.of("seal", SEAL),
                FetchedDocument.failed("ssc", "it did not answer (not reachable)")));
    MergedApiDocument merged = services.merged(PERIOD);
    ObjectNode first = merged.get("first").block(WAIT);
    assertThat(first.path("paths").has("/api/seal/seals")).isTrue();
    assertThat(first.path("info").path("x-govchain-unavailable").toString())
        .as("never answered: left out")
        .isEqualTo("[\"ssc\"]");
    assertThat(first.path("info").has("x-govchain-stale")).isFalse();

    services.next =
        Mono.just(
            List.of(
                FetchedDocument.failed("seal", "it did not answer (timed out)"),
                FetchedDocument.failed("ssc", "it did not answer (not reachable)")));
    clock.advance(PERIOD);
    ObjectNode second = merged.get("second").block(WAIT);
    assertThat(second.path("paths").has("/api/seal/seals")).as("the last one kept").isTrue();
    assertThat(second.path("info").path("x-govchain-stale").toString()).isEqualTo("[\"seal\"]");
    assertThat(second.path("info").path("x-govchain-unavailable").toString())
        .isEqualTo("[\"ssc\"]");
    assertThat(second.path("info").path("description").asString())
        .contains("The seal service's document is the one fetched at ")
        .contains("now it did not answer (timed out).")
        .contains("The ssc service's document is missing: it did not answer (not reachable).");

    services.next =
        Mono.just(List.of(FetchedDocument.of("seal", SEAL), FetchedDocument.of("ssc", SSC)));
    clock.advance(PERIOD);
    ObjectNode third = merged.get("third").block(WAIT);
    assertThat(third.path("info").has("x-govchain-stale")).isFalse();
    assertThat(third.path("info").has("x-govchain-unavailable")).isFalse();
    assertThat(third.path("paths").has("/api/ssc/cards")).isTrue();
  }

  @Test
  void aMakingThatFailsIsNotKeptAndTheNextCallerTriesAgain() {
    services.next = Mono.error(new IllegalStateException("broken"));
    MergedApiDocument merged = services.merged(PERIOD);
    assertThatThrownBy(() -> merged.get("first").block(WAIT)).hasMessageContaining("broken");

    services.next = Mono.just(List.of(FetchedDocument.of("seal", SEAL)));
    assertThat(merged.get("second").block(WAIT).path("paths").has("/api/seal/seals")).isTrue();
    assertThat(services.askedWith).containsExactly("first", "second");
  }

  @Test
  void aFetchThatThrowsFailsItsCallersInsteadOfLeavingThemWaiting() {
    MergedApiDocument merged =
        new MergedApiDocument(
            requestId -> {
              throw new IllegalStateException("cannot ask");
            },
            PERIOD,
            clock);
    assertThatThrownBy(() -> merged.get("first").block(WAIT)).hasMessageContaining("cannot ask");
    assertThatThrownBy(() -> merged.get("second").block(WAIT)).hasMessageContaining("cannot ask");
  }

  @Test
  void withAZeroPeriodEveryCallerHasItMade() {
    MergedApiDocument merged = services.merged(Duration.ZERO);
    merged.get("a").block(WAIT);
    merged.get("b").block(WAIT);
    assertThat(services.askedWith).containsExactly("a", "b");
  }
}
