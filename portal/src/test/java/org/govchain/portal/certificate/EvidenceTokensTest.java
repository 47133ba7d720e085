package org.govchain.portal.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EvidenceTokensTest {

  private static final String HASH = "ab".repeat(32);
  private final EvidenceTokens tokens = new EvidenceTokens(key((byte) 1));

  @Test
  void readsBackWhatItIssued() {
    EvidenceTokens.Evidence evidence = new EvidenceTokens.Evidence("/api/seal", 41, HASH);

    assertThat(tokens.read(tokens.issue(evidence))).contains(evidence);
  }

  @Test
  void refusesATokenItDidNotMake() {
    String token = tokens.issue(new EvidenceTokens.Evidence("/api/seal", 41, HASH));
    String otherIndex = tokens.issue(new EvidenceTokens.Evidence("/api/seal", 42, HASH));
    String forged =
        token.substring(0, token.indexOf('.')) + otherIndex.substring(otherIndex.indexOf('.'));

    assertThat(tokens.read(forged)).isEmpty();
    assertThat(new EvidenceTokens(key((byte) 2)).read(token)).isEmpty();
    assertThat(tokens.read("no-dot")).isEmpty();
    assertThat(tokens.read("!!!.???")).isEmpty();
    assertThat(tokens.read(null)).isEmpty();
  }

  private static byte[] key(byte fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, fill);
    return key;
  }
}
