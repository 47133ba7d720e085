package org.govchain.seal.web;

import org.govchain.anchor.web.validation.PlainText;
import org.govchain.anchor.web.validation.SupportedTime;
import org.govchain.testsupport.service.InputRules;
import org.junit.jupiter.api.Test;

/** Every text and time the seal API takes is checked by anchor-web's request rules. */
class SealInputRulesTest {

  @Test
  void everyTextAndTimeInputOfTheSealApiCarriesTheRequestRules() {
    InputRules.assertEveryInputChecked("org.govchain.seal", PlainText.class, SupportedTime.class);
  }
}
