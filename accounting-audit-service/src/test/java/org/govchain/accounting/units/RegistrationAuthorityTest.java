package org.govchain.accounting.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationAuthorityTest {

  @ParameterizedTest
  @CsvSource({
    "1, 机构编制, 1239",
    "2, 外交, 19",
    "3, 司法行政, 123459",
    "4, 文化, 19",
    "5, 民政, 1239",
    "6, 旅游, 129",
    "7, 宗教, 129",
    "8, 工会, 19",
    "9, 工商, 123",
    "A, 中央军委改革和编制办公室, 19",
    "N, 农业, 1239",
    "Y, 其他, 1"
  })
  void registersTheInstitutionTypesOfTheTable(char code, String label, String types) {
    RegistrationAuthority authority = RegistrationAuthority.of(code).orElseThrow();

    assertThat(authority.code()).isEqualTo(code);
    assertThat(authority.label()).isEqualTo(label);
    assertThat(authority.institutionTypes().keySet().stream().map(String::valueOf))
        .containsExactly(types.split(""));
    for (char type : UnifiedSocialCreditCode.CHARACTERS.toCharArray()) {
      assertThat(authority.registers(type)).as("type %s", type).isEqualTo(types.indexOf(type) >= 0);
    }
  }

  @Test
  void hasTwelveAuthoritiesWithDistinctCodes() {
    String codes =
        Arrays.stream(RegistrationAuthority.values())
            .map(a -> String.valueOf(a.code()))
            .collect(Collectors.joining());

    assertThat(codes).isEqualTo("123456789ANY");
  }

  @Test
  void governmentUnitsRegisterWithOrganizationEstablishmentAsOrgansAndPublicInstitutions() {
    RegistrationAuthority authority = RegistrationAuthority.ORGANIZATION_ESTABLISHMENT;

    assertThat(authority.institutionTypes()).containsEntry('1', "机关").containsEntry('2', "事业单位");
  }

  @ParameterizedTest
  @ValueSource(chars = {'0', 'B', 'C', 'M', 'P', 'X', 'Z', 'a', 'n', 'y'})
  void knowsNoOtherCode(char code) {
    assertThat(RegistrationAuthority.of(code)).isEmpty();
  }
}
