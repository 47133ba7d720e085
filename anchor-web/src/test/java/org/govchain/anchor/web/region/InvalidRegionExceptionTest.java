package org.govchain.anchor.web.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException.FieldError;
import org.govchain.anchor.web.problem.ProblemWriter;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code invalid-region} problem as clients see it; the card service answered exactly this
 * before the region code moved here, and must go on doing so.
 */
class InvalidRegionExceptionTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void isAnUnprocessableInvalidRegionProblem() {
    assertThat(InvalidRegionException.KIND.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    assertThat(InvalidRegionException.KIND.type())
        .hasToString("https://govchain.example/problems/invalid-region");
    assertThat(InvalidRegionException.KIND.title()).isEqualTo("Invalid region code");
  }

  @Test
  void membersAreFieldValueAndErrorsInThatOrder() {
    InvalidRegionException e = parsing("990000", "issuingRegion");

    assertThat(e.properties())
        .containsExactly(
            Map.entry("field", "issuingRegion"),
            Map.entry("value", "990000"),
            Map.entry(
                "errors",
                List.of(
                    FieldError.of(
                        "issuingRegion", "no provincial-level division has the code 99"))));
  }

  @Test
  void rendersTheSameProblemJsonTheCardServiceAnswered() {
    InvalidRegionException e = parsing("990000", "issuingRegion");
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.post("/api/ssc/cards"));

    String json =
        JSON.writeValueAsString(ProblemWriter.body(e.kind(), e.detail(), exchange, e.properties()));

    assertThat(json)
        .isEqualTo(
            "{\"type\":\"https://govchain.example/problems/invalid-region\","
                + "\"title\":\"Invalid region code\",\"status\":422,"
                + "\"detail\":\"invalid region code 990000 in issuingRegion:"
                + " no provincial-level division has the code 99\","
                + "\"instance\":\"/api/ssc/cards\","
                + "\"field\":\"issuingRegion\",\"value\":\"990000\","
                + "\"errors\":[{\"field\":\"issuingRegion\","
                + "\"message\":\"no provincial-level division has the code 99\"}]}");
  }

  @Test
  void leavesTheValueOutWhenItIsNotSixDigits() {
    InvalidRegionException e = parsing("11010", "issuingRegion");

    assertThat(e.properties().keySet()).containsExactly("field", "errors");
    assertThat(e.getMessage())
        .isEqualTo("invalid region code in issuingRegion: must be 6 digits, has 5 characters");
  }

  @Test
  void canBeThrownByOtherPackagesForARegionInsideALongerIdentifier() {
    InvalidRegionException e =
        new InvalidRegionException("creditCode", "990000", "no provincial-level division");

    assertThat(e.field()).isEqualTo("creditCode");
    assertThat(e.kind()).isEqualTo(InvalidRegionException.KIND);
  }

  private static InvalidRegionException parsing(String value, String field) {
    return catchThrowableOfType(InvalidRegionException.class, () -> RegionCode.parse(value, field));
  }
}
