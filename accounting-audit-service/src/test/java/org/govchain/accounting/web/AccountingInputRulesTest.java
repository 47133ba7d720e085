package org.govchain.accounting.web;

import org.govchain.anchor.web.validation.PlainText;
import org.govchain.anchor.web.validation.SupportedTime;
import org.govchain.testsupport.service.InputRules;
import org.junit.jupiter.api.Test;

/** Every text and time the accounting API takes is checked by anchor-web's request rules. */
class AccountingInputRulesTest {

  @Test
  void everyTextAndTimeInputOfTheAccountingApiCarriesTheRequestRules() {
    InputRules.assertEveryInputChecked(
        "org.govchain.accounting", PlainText.class, SupportedTime.class);
  }
}
