package org.govchain.ssc.web;

import org.govchain.anchor.web.validation.PlainText;
import org.govchain.anchor.web.validation.SupportedTime;
import org.govchain.testsupport.service.InputRules;
import org.junit.jupiter.api.Test;

/** Every text and time the card API takes is checked by anchor-web's request rules. */
class SscInputRulesTest {

  @Test
  void everyTextAndTimeInputOfTheCardApiCarriesTheRequestRules() {
    InputRules.assertEveryInputChecked("org.govchain.ssc", PlainText.class, SupportedTime.class);
  }
}
