package org.govchain.ssc.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "110105199001011234 | 110105********1234",
        "11010519491231002X | 110105********002X",
        "110105491231002    | 110105*****1002", // the 15-digit first-generation card
        "11010519491231     | 110105****1231", // 4 hidden: the fewest that shows any
        "1101051949123      | *************",
        "A123456789         | **********", // 6 + 4 would show all of it
        "110105             | ******",
        "1                  | *",
      })
  void idNumberKeepsRegionAndLastFour(String idNumber, String masked) {
    assertThat(Masking.idNumber(idNumber)).isEqualTo(masked);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "张     | *",
        "张三   | 张*",
        "张三丰 | 张*丰",
        "欧阳锋 | 欧*锋",
        "欧阳克锋 | 欧**锋",
        "买买提·艾力 | 买****力",
        "𠀀     | *",
        "𠀀三   | 𠀀*",
        "王𠀀   | 王*",
        "王𠀀𠀁   | 王*𠀁",
        "John Smith | J********h",
      })
  void nameKeepsFirstAndLastCodePoint(String name, String masked) {
    assertThat(Masking.name(name)).isEqualTo(masked);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "13812345678    | 138****5678",
        "+8613812345678 | +86*******5678",
        "010-62345678   | 010*****5678",
        "6234567890     | **********",
        "62345678       | ********", // a local landline: 3 + 4 of 8 would show nearly all
        "1234567        | *******",
        "123456         | ******",
      })
  void phoneKeepsFirstThreeAndLastFour(String phone, String masked) {
    assertThat(Masking.phone(phone)).isEqualTo(masked);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "6222021234567891234        | ****1234",
        "\"6222 0212 3456 7891 234\"  | ****1234",
        "\"6222 0212 3456 7891 2 34\" | ****1234",
        "\"6222\u00a00212\u30003456 7891\t2345\" | ****2345",
        "12345678                   | ****5678",
        "1234567                    | ****",
        "\"1234 567\"               | ****",
        "123                        | ****",
      })
  void bankAccountKeepsLastFourIgnoringSpaces(String account, String masked) {
    assertThat(Masking.bankAccount(account)).isEqualTo(masked);
  }

  @Test
  void emptyStaysEmptyExceptTheAccountMask() {
    assertThat(Masking.idNumber("")).isEmpty();
    assertThat(Masking.name("")).isEmpty();
    assertThat(Masking.phone("")).isEmpty();
    assertThat(Masking.bankAccount("")).isEqualTo("****");
  }

  @Test
  void nullStaysNull() {
    assertThat(Masking.idNumber(null)).isNull();
    assertThat(Masking.name(null)).isNull();
    assertThat(Masking.phone(null)).isNull();
    assertThat(Masking.bankAccount(null)).isNull();
  }

  @Test
  void supplementaryCharactersAreNeverSplit() {
    String withSurrogates = "𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉𠀊𠀋𠀌𠀍𠀎𠀏𠀐𠀑";
    String masked = Masking.idNumber(withSurrogates);
    assertThat(masked).isEqualTo("𠀀𠀁𠀂𠀃𠀄𠀅********𠀎𠀏𠀐𠀑");
    assertThat(masked.codePointCount(0, masked.length())).isEqualTo(18);
    assertThat(Masking.bankAccount("𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇")).isEqualTo("****𠀄𠀅𠀆𠀇");
  }
}
