package org.govchain.ssc.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import org.govchain.anchor.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

class RegionCodeTest {

  @Test
  void provincePrefectureAndCountyCodesAreRegions() {
    for (String code : List.of("360000", "360500", "360502", "110105", "820000", "710000")) {
      assertThat(RegionCode.parse(" " + code + " ", "region").value()).isEqualTo(code);
    }
    assertThat(RegionCode.parse("360502", "region").provinceName()).isEqualTo("江西省");
    assertThat(RegionCode.PROVINCES).hasSize(34);
  }

  @Test
  void otherCodesAreInvalidRegionsNamingTheField() {
    for (String bad : List.of("", "36050", "3605021", "36O502", "990101", "000000", "360002")) {
      assertThatThrownBy(() -> RegionCode.parse(bad, "issuingRegion"))
          .as(bad)
          .isInstanceOfSatisfying(
              InvalidRegionException.class,
              e -> {
                assertThat(e.kind().kind()).isEqualTo("invalid-region");
                assertThat(e.properties().get("errors").toString()).contains("issuingRegion");
              });
    }
  }

  @Test
  void identificationCodesBeginWithTheRegion() {
    RegionCode region = new RegionCode("360502");
    CardIdentificationCode code = CardIdentificationCode.generate(region, new SecureRandom());
    assertThat(code.value()).matches("360502[0-9A-F]{26}");
    assertThat(CardIdentificationCode.parse(code.value().toLowerCase())).isEqualTo(code);
    assertThat(code.region()).isEqualTo(region);
    assertThat(CardIdentificationCode.generate(region, new SecureRandom())).isNotEqualTo(code);
    for (String bad : List.of("", "360502", "990502" + "0".repeat(26), "360502" + "G".repeat(26))) {
      assertThatThrownBy(() -> CardIdentificationCode.parse(bad))
          .isInstanceOf(ProblemException.class);
    }
  }
}
