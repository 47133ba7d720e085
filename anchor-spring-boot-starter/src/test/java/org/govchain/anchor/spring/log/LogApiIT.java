package org.govchain.anchor.spring.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.anchor.spring.log.SequencerIT.awaitLeaves;
import static org.govchain.anchor.spring.log.SequencerIT.treeInLeafOrder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.govchain.anchor.checkpoint.Checkpoint;
import org.govchain.anchor.merkle.MemoryTree;
import org.govchain.anchor.merkle.MerkleHasher;
import org.govchain.anchor.merkle.MerkleVerifier;
import org.govchain.anchor.spring.log.testapp.LogTestApplication;
import org.govchain.anchor.spring.log.testapp.RecordService;
import org.govchain.anchor.web.problem.ProblemKind;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every endpoint of the log API and every error it answers, against the real database. */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogApiIT {

  private static final HexFormat HEX = HexFormat.of();
  private static final int FIRST = 13;
  private static final int TOTAL = 21;

  private final ConfigurableApplicationContext app;
  private final WebTestClient web;
  private final MemoryTree tree;
  private final List<Long> checkpointSizes = new ArrayList<>();

  LogApiIT(PostgresServer.Database db) throws Exception {
    app = LogTestApplication.start(db);
    web = client(app);
    RecordService records = app.getBean(RecordService.class);
    for (int i = 0; i < FIRST; i++) {
      records.save("rec-" + i, "name " + i, 1, false).block();
    }
    awaitLeaves(db, FIRST);
    for (int i = FIRST; i < TOTAL; i++) {
      records.save("rec-" + i, "name " + i, 1, false).block();
    }
    awaitLeaves(db, TOTAL);
    tree = treeInLeafOrder(db);
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT tree_size FROM govchain_log_checkpoint ORDER BY tree_size")) {
      while (rs.next()) {
        checkpointSizes.add(rs.getLong(1));
      }
    }
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void latestCheckpointIsTheWholeTreeSignedAndNotYetAnchored() {
    LogCheckpoint cp = get("/checkpoint", LogCheckpoint.class);
    assertThat(cp.origin()).isEqualTo(LogTestApplication.ORIGIN);
    assertThat(cp.size()).isEqualTo(TOTAL);
    assertThat(cp.rootHash()).isEqualTo(HEX.formatHex(tree.root()));
    assertThat(cp.anchor()).isNull();
    Checkpoint signed =
        Checkpoint.verify(cp.note(), app.getBean(LogReader.class).verifier()).checkpoint();
    assertThat(signed).isEqualTo(new Checkpoint(cp.origin(), TOTAL, tree.root()));
    web.get()
        .uri("/api/test/log/checkpoint")
        .exchange()
        .expectBody()
        .jsonPath("$.anchor")
        .isEmpty();
  }

  @Test
  void everyCheckpointIsServedBySize() {
    assertThat(checkpointSizes).contains((long) FIRST, (long) TOTAL);
    for (long size : checkpointSizes) {
      LogCheckpoint cp = get("/checkpoints/" + size, LogCheckpoint.class);
      assertThat(cp.size()).isEqualTo(size);
      assertThat(cp.rootHash()).isEqualTo(HEX.formatHex(tree.root(size)));
    }
  }

  @Test
  void checkpointOfASizeNeverMadeIsUnknown() {
    long never = 999;
    Map<String, Object> problem =
        problem("/checkpoints/" + never, HttpStatus.NOT_FOUND, "unknown-checkpoint");
    assertThat(problem)
        .containsEntry("size", 999)
        .containsEntry("origin", LogTestApplication.ORIGIN);
    problem("/checkpoints/0", HttpStatus.NOT_FOUND, "unknown-checkpoint");
  }

  @Test
  void nonNumericParametersAreMalformed() {
    problem("/checkpoints/twelve", HttpStatus.BAD_REQUEST, "malformed-request");
    problem("/entries/x", HttpStatus.BAD_REQUEST, "malformed-request");
    problem("/entries/x/bundle", HttpStatus.BAD_REQUEST, "malformed-request");
    problem("/proofs/inclusion?index=a&size=3", HttpStatus.BAD_REQUEST, "malformed-request");
    problem("/proofs/inclusion?index=1", HttpStatus.BAD_REQUEST, "malformed-request");
    problem(
        "/proofs/consistency?from=1&to=9999999999999999999999",
        HttpStatus.BAD_REQUEST,
        "malformed-request");
  }

  @Test
  void everyInclusionProofVerifiesAgainstTheTreeRoot() {
    for (long size : new long[] {1, 2, 7, FIRST, 16, TOTAL}) {
      for (long index = 0; index < size; index++) {
        InclusionProof proof =
            get("/proofs/inclusion?index=" + index + "&size=" + size, InclusionProof.class);
        assertThat(proof.index()).isEqualTo(index);
        assertThat(proof.size()).isEqualTo(size);
        assertThat(proof.rootHash()).isEqualTo(HEX.formatHex(tree.root(size)));
        MerkleVerifier.verifyInclusion(
            tree.leafHash(index), index, size, unhex(proof.proof()), tree.root(size));
      }
    }
  }

  @Test
  void inclusionProofOutsideTheTreeIsRefused() {
    Map<String, Object> beyond =
        problem(
            "/proofs/inclusion?index=0&size=" + (TOTAL + 1),
            HttpStatus.UNPROCESSABLE_CONTENT,
            "beyond-tree");
    assertThat(beyond).containsEntry("treeSize", TOTAL).containsEntry("size", TOTAL + 1);
    problem(
        "/proofs/inclusion?index=5&size=5",
        HttpStatus.UNPROCESSABLE_CONTENT,
        "invalid-proof-request");
    problem(
        "/proofs/inclusion?index=-1&size=5",
        HttpStatus.UNPROCESSABLE_CONTENT,
        "invalid-proof-request");
    problem(
        "/proofs/inclusion?index=0&size=0",
        HttpStatus.UNPROCESSABLE_CONTENT,
        "invalid-proof-request");
  }

  @Test
  void everyConsistencyProofVerifiesBetweenTheTwoRoots() {
    for (long from = 1; from <= TOTAL; from++) {
      for (long to = from; to <= TOTAL; to++) {
        ConsistencyProof proof =
            get("/proofs/consistency?from=" + from + "&to=" + to, ConsistencyProof.class);
        assertThat(proof.from()).isEqualTo(from);
        assertThat(proof.to()).isEqualTo(to);
        MerkleVerifier.verifyConsistency(
            from, to, tree.root(from), tree.root(to), unhex(proof.proof()));
      }
    }
  }

  @Test
  void consistencyProofWithWrongOrderOrBeyondTheTreeIsRefused() {
    problem(
        "/proofs/consistency?from=5&to=4",
        HttpStatus.UNPROCESSABLE_CONTENT,
        "invalid-proof-request");
    problem(
        "/proofs/consistency?from=0&to=4",
        HttpStatus.UNPROCESSABLE_CONTENT,
        "invalid-proof-request");
    problem(
        "/proofs/consistency?from=3&to=" + (TOTAL + 5),
        HttpStatus.UNPROCESSABLE_CONTENT,
        "beyond-tree");
  }

  @Test
  void everyEntryIsServedWithItsExactBytesAndLeafHash() {
    for (long index = 0; index < TOTAL; index++) {
      LogEntry entry = get("/entries/" + index, LogEntry.class);
      byte[] envelope = Base64.getDecoder().decode(entry.envelope());
      assertThat(MerkleHasher.leafHash(envelope)).isEqualTo(tree.leafHash(index));
      assertThat(entry.leafHash()).isEqualTo(HEX.formatHex(tree.leafHash(index)));
      assertThat(entry.index()).isEqualTo(index);
    }
  }

  @Test
  void entryBeyondTheTreeIsUnknown() {
    problem("/entries/" + TOTAL, HttpStatus.NOT_FOUND, "unknown-entry");
    problem("/entries/" + TOTAL + "/bundle", HttpStatus.NOT_FOUND, "unknown-entry");
  }

  @Test
  void bundleBeforeAnyAnchorIsNotAnchoredYetWithRetryAfter() {
    web.get()
        .uri("/api/test/log/entries/0/bundle")
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.CONFLICT)
        .expectHeader()
        .valueEquals(HttpHeaders.RETRY_AFTER, "30")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(ProblemKind.TYPE_BASE + "not-anchored-yet")
        .jsonPath("$.anchoredSize")
        .isEqualTo(0)
        .jsonPath("$.instance")
        .isEqualTo("/api/test/log/entries/0/bundle");
  }

  private <T> T get(String path, Class<T> type) {
    return web.get()
        .uri("/api/test/log" + path)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(type)
        .returnResult()
        .getResponseBody();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> problem(String path, HttpStatus status, String kind) {
    Map<String, Object> body =
        web.get()
            .uri("/api/test/log" + path)
            .exchange()
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat(body)
        .as(path)
        .containsEntry("type", ProblemKind.TYPE_BASE + kind)
        .containsEntry("status", status.value())
        .containsKey("title")
        .containsKey("detail");
    return body;
  }

  private static List<byte[]> unhex(List<String> hashes) {
    return hashes.stream().map(HEX::parseHex).toList();
  }

  static WebTestClient client(ConfigurableApplicationContext app) {
    return WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
        .responseTimeout(Duration.ofSeconds(30))
        .build();
  }
}
