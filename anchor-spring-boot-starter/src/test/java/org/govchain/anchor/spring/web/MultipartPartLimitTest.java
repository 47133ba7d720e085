package org.govchain.anchor.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.PooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.core.io.buffer.PooledDataBuffer;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** {@link MultipartPartLimit}: parts counted as Spring's parser makes them out, however split. */
class MultipartPartLimitTest {

  private static final String BOUNDARY = "ab-ab-abc";

  @Test
  void aBodyWithAsManyPartsAsTheLimitPassesOneMoreFailsWhereverItIsSplit() {
    for (int parts = 1; parts <= 5; parts++) {
      byte[] body = body(parts, "", "");
      for (int split = 0; split <= body.length; split++) {
        assertThat(accepted(body, split, 4))
            .as("%d parts, split at %d", parts, split)
            .isEqualTo(parts <= 4);
      }
    }
  }

  @Test
  void aPreambleIsNotAPartAndTheEpilogueIsNotCounted() {
    // the epilogue after the closing delimiter may hold anything, the delimiter's text too
    String epilogue = ("\r\n--" + BOUNDARY + "\r\nx: y\r\n\r\nz").repeat(6);
    byte[] body =
        body(
            4,
            "a preamble, which ends before the first --" + BOUNDARY.substring(3) + "\r\n",
            epilogue);
    for (int split = 0; split <= body.length; split++) {
      assertThat(accepted(body, split, 4)).as("split at %d", split).isTrue();
    }
  }

  @Test
  void theFirstDelimiterCountsWithoutALineBreakBeforeIt() {
    // Spring's parser takes the first --boundary wherever it stands in the preamble
    byte[] body = body(5, "no line break before:", "");
    assertThat(accepted(body, body.length, 4)).isFalse();
    assertThat(accepted(body, body.length, 5)).isTrue();
  }

  @Test
  void partialMatchesOfARepetitiveBoundaryAreFollowed() {
    // the first delimiter (--a--a--b) starts inside a partial match of itself: a matcher that
    // starts over at a mismatch misses it
    String body = "--a--a--a--b\r\nX: y\r\n\r\n1\r\n--a--a--b\r\nX: y\r\n\r\n2\r\n--a--a--b--";
    MultipartPartLimit.Counter counter = new MultipartPartLimit.Counter("a--a--b", 10);
    assertThat(
            counter.accept(
                DefaultDataBufferFactory.sharedInstance.wrap(
                    body.getBytes(StandardCharsets.ISO_8859_1))))
        .isTrue();
    assertThat(counter.parts()).isEqualTo(2);
  }

  @Test
  void theBufferWithThePartTooManyIsReleasedAndTheBodyFails() {
    NettyDataBufferFactory factory = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);
    byte[] body = body(6, "", "");
    List<DataBuffer> buffers = new ArrayList<>();
    for (int i = 0; i < body.length; i += 64) {
      buffers.add(factory.wrap(Arrays.copyOfRange(body, i, Math.min(body.length, i + 64))));
    }
    List<DataBuffer> passed = new ArrayList<>();
    StepVerifier.create(
            MultipartPartLimit.limit(Flux.fromIterable(buffers), BOUNDARY, 4).doOnNext(passed::add))
        .thenConsumeWhile(b -> true)
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(MultipartPartLimit.TooManyParts.class)
                    .hasMessage("the multipart body has more than 4 parts"))
        .verify();
    passed.forEach(
        b -> assertThat(((PooledDataBuffer) b).isAllocated()).as("still the reader's").isTrue());
    PooledDataBuffer refused = (PooledDataBuffer) buffers.get(passed.size());
    assertThat(refused.isAllocated()).as("the buffer with the fifth part, released").isFalse();
    passed.forEach(DataBufferUtils::release);
    buffers.subList(passed.size() + 1, buffers.size()).forEach(DataBufferUtils::release);
  }

  /** Whether a counter with {@code max} parts accepts {@code body} sent as two buffers. */
  private static boolean accepted(byte[] body, int split, int max) {
    MultipartPartLimit.Counter counter = new MultipartPartLimit.Counter(BOUNDARY, max);
    for (byte[] piece :
        List.of(Arrays.copyOfRange(body, 0, split), Arrays.copyOfRange(body, split, body.length))) {
      if (!counter.accept(DefaultDataBufferFactory.sharedInstance.wrap(piece))) {
        return false;
      }
    }
    return true;
  }

  private static byte[] body(int parts, String preamble, String epilogue) {
    StringBuilder b = new StringBuilder(preamble);
    for (int i = 0; i < parts; i++) {
      b.append(i == 0 ? "" : "\r\n")
          .append("--")
          .append(BOUNDARY)
          .append("\r\nContent-Disposition: form-data; name=\"f")
          .append(i)
          .append("\"\r\n\r\nvalue --")
          .append(BOUNDARY, 0, 4)
          .append(' ')
          .append(i);
    }
    b.append("\r\n--").append(BOUNDARY).append("--").append(epilogue);
    return b.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
