package org.govchain.testsupport.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Flux;

class ReadWholeBodyTest {

  private static final ClientRequest REQUEST =
      ClientRequest.create(HttpMethod.GET, URI.create("http://127.0.0.1/x")).build();

  @Test
  void releasesTheReceivedBuffersAndKeepsTheirBytesForTheTest() {
    NettyDataBufferFactory pooled = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);
    DataBuffer first = pooled.wrap(buffer("{\"id\":"));
    DataBuffer second = pooled.wrap(buffer("42}"));
    ByteBuf firstBuf = NettyDataBufferFactory.toByteBuf(first);
    ByteBuf secondBuf = NettyDataBufferFactory.toByteBuf(second);

    ClientResponse answer =
        ServiceUnderTest.readWholeBody(
                REQUEST,
                request ->
                    reactor.core.publisher.Mono.just(
                        ClientResponse.create(HttpStatus.CREATED)
                            .header("Content-Type", "application/json")
                            .body(Flux.just(first, second))
                            .build()))
            .block();

    // released before the test looked at the answer: nothing left for a GC to report
    assertThat(firstBuf.refCnt()).isZero();
    assertThat(secondBuf.refCnt()).isZero();
    assertThat(answer.statusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(answer.headers().contentType())
        .hasValueSatisfying(t -> t.toString().contains("json"));
    List<DataBuffer> body =
        answer.body((message, context) -> message.getBody()).collectList().block();
    assertThat(body).hasSize(1);
    byte[] bytes = new byte[body.get(0).readableByteCount()];
    body.get(0).read(bytes);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"id\":42}");
    DataBufferUtils.release(body.get(0)); // a heap buffer: nothing to release, and no error
  }

  @Test
  void anEmptyBodyStaysEmpty() {
    ClientResponse answer =
        ServiceUnderTest.readWholeBody(
                REQUEST,
                request ->
                    reactor.core.publisher.Mono.just(
                        ClientResponse.create(HttpStatus.NO_CONTENT).build()))
            .block();

    assertThat(answer.statusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(answer.bodyToMono(String.class).blockOptional()).isEmpty();
  }

  private static ByteBuf buffer(String text) {
    ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer();
    buf.writeCharSequence(text, StandardCharsets.UTF_8);
    return buf;
  }
}
