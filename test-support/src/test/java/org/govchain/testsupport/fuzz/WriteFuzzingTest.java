package org.govchain.testsupport.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriteFuzzingTest {

  private static final String LEAK =
      "2026-12-07T13:42:02.699Z ERROR 3092 --- [svc] [tor-tcp-epoll-3] []"
          + " io.netty.util.ResourceLeakDetector       : LEAK: ByteBuf.release() was not called";

  @Test
  void aLeakReportWhoseRecordsShowOnlyTheClientCodecIsNotTheServices() {
    String output =
        "INFO a request\n"
            + LEAK
            + "\nRecent access records: \n#1:\n"
            + "\tio.netty.handler.codec.http.HttpClientCodec$Decoder.decode(HttpClientCodec.java:320)\n"
            + "Created at:\n"
            + "\tio.netty.buffer.AdaptiveByteBufAllocator.newDirectBuffer(A.java:67)\n"
            + "INFO the next request\n";

    assertThat(WriteFuzzing.serviceLines(output))
        .containsExactly("INFO a request", "INFO the next request");
  }

  @Test
  void aLeakReportOfTheServerCodecOrWithoutRecordsStays() {
    String server =
        LEAK
            + "\nRecent access records: \n#1:\n"
            + "\tio.netty.handler.codec.http.HttpServerCodec$HttpServerRequestDecoder.decode(H.java:1)\n"
            + "Created at:\n\tio.netty.buffer.X.y(X.java:1)\n";
    String noRecords =
        LEAK + "\nRecent access records: \nCreated at:\n\tio.netty.buffer.X.y(X.java:1)\n";

    assertThat(WriteFuzzing.serviceLines(server)).anyMatch(l -> l.contains("LEAK:"));
    assertThat(WriteFuzzing.serviceLines(noRecords)).anyMatch(l -> l.contains("LEAK:"));
  }
}
