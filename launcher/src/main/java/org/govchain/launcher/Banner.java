package org.govchain.launcher;

import java.time.Duration;
import java.util.Map;

/** The text printed once the suite is up: where everything is, a token, and a walkthrough. */
final class Banner {

  /** The first line of the banner; tests and scripts wait for it. */
  static final String UP_LINE = "GovChain is up";

  private Banner() {}

  static String text(Settings settings, Home home, Suite.Started started, Duration took) {
    boolean gateway = started.applications().contains(Application.GATEWAY);
    boolean auth = started.applications().contains(Application.AUTH_SERVER);
    boolean seal = started.applications().contains(Application.SEAL);
    String entry =
        gateway
            ? local(settings, Application.GATEWAY)
            : seal ? local(settings, Application.SEAL) : null;
    StringBuilder b = new StringBuilder();
    b.append('\n')
        .append(UP_LINE)
        .append(
            String.format(" (in %.0f s). DEV ONLY: local keys, demo clients.%n%n", seconds(took)));
    boolean portal = gateway && started.applications().contains(Application.PORTAL);
    if (gateway) {
      row(b, "gateway", local(settings, Application.GATEWAY) + "   (the one public entry)");
      row(b, "Swagger UI", local(settings, Application.GATEWAY) + "/swagger-ui.html");
    }
    if (portal) {
      row(b, "auditor's portal", portalUrl(settings) + "   (verify in the browser, no sign-in)");
    }
    if (auth) {
      row(b, "authorization server", settings.issuer() + "   (token endpoint /oauth2/token)");
    }
    for (Application app : Application.values()) {
      app.service()
          .ifPresent(
              s -> {
                if (started.applications().contains(app)) {
                  row(b, app.processName(), local(settings, app) + s.apiPrefix());
                } else {
                  row(b, app.processName(), "not built yet, skipped");
                }
              });
    }
    if (!gateway) {
      row(b, "gateway", "not built yet, skipped");
    }
    if (!auth) {
      row(b, "authorization server", "not built yet, skipped");
    }
    row(
        b,
        "dev chain (JSON-RPC)",
        settings.rpcUrl() + "   chain id " + started.deployment().chainId());
    row(b, "AnchorRegistry", started.deployment().registry() + "   (" + home.deployment() + ")");
    PostgresServer pg = started.postgres();
    row(
        b,
        "PostgreSQL",
        (pg.isEmbedded() ? "embedded, " : "GOVCHAIN_PG_URL, ")
            + pg.host()
            + ":"
            + pg.port()
            + (pg.isEmbedded() ? ", data in " + home.postgres() : ""));
    row(b, "logs", home.logs().toString());
    for (Map.Entry<Application, String> key : started.verifierKeys().entrySet()) {
      row(b, key.getKey().processName() + " log key", key.getValue());
    }

    b.append('\n');
    if (auth) {
      b.append("Get a token (dev clients: client id = role, secret <role>-dev-secret):\n")
          .append(
              "  TOKEN=$(curl -s -u seal-clerk:seal-clerk-dev-secret -d grant_type=client_credentials \\\n")
          .append("    ")
          .append(settings.issuer())
          .append("/oauth2/token | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')\n\n");
    } else {
      b.append(
          "No authorization server yet: the services check tokens with the GOVCHAIN_JWT_*"
              + " settings of your environment; put a token of yours in $TOKEN.\n\n");
    }
    if (seal && entry != null) {
      walkthrough(b, settings, started, entry, portal);
    }
    if (started.applications().contains(Application.SSC) && entry != null && auth) {
      cardWalkthrough(b, settings, started, entry);
    }
    if (started.applications().contains(Application.ACCOUNTING) && entry != null && auth) {
      accountingWalkthrough(b, settings, started, entry);
    }
    b.append("Press Ctrl-C to stop everything. The data stays in ")
        .append(home.dir())
        .append(" for the next start; delete that directory to start afresh.\n");
    return b.toString();
  }

  /** The portal's page, through the gateway. */
  static String portalUrl(Settings settings) {
    return local(settings, Application.GATEWAY) + "/portal/";
  }

  private static void walkthrough(
      StringBuilder b, Settings settings, Suite.Started started, String entry, boolean portal) {
    Samples samples = started.samples();
    String api = entry + "/api/seal";
    String verify = settings.repoFile("verifier-cli/target/govchain-verify.jar").toString();
    String logKey = started.verifierKeys().get(Application.SEAL);
    b.append("Walkthrough: a seal, a stamped PDF, its verification and its proof on chain\n")
        .append("  S='")
        .append(samples.document().getParent())
        .append("'\n")
        .append("  # create a seal (the body holds a PNG seal image and a valid credit code)\n")
        .append(
            "  SEAL=$(curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\\n")
        .append("    --data @\"$S/create-seal.json\" ")
        .append(api)
        .append("/seals | sed -E 's/^\\{\"id\":\"([^\"]+)\".*/\\1/'); echo \"$SEAL\"\n")
        .append(
            "  # stamp the sample PDF: page 1, 120 mm from the left, 30 mm from the top, 40 mm wide\n")
        .append(
            "  curl -s -H \"Authorization: Bearer $TOKEN\" -F document=@\"$S/document.pdf\" -F page=1 \\\n")
        .append("    -F x=120 -F y=30 -F width=40 -o \"$S/sealed.pdf\" ")
        .append(api)
        .append("/seals/$SEAL/sealings\n")
        .append("  # verify the stamped PDF (public, no token)\n")
        .append("  curl -s -F document=@\"$S/sealed.pdf\" ")
        .append(api)
        .append("/verifications\n")
        .append("  # the seal's proof bundle, once its log checkpoint is anchored (seconds)\n")
        .append(
            "  until curl -sf -H \"Authorization: Bearer $TOKEN\" -o \"$S/seal-proof.json\" \\\n")
        .append("    ")
        .append(api)
        .append("/seals/$SEAL/proof; do sleep 2; done\n")
        .append("  # check it against the chain alone, as an auditor would\n")
        .append("  java -jar '")
        .append(verify)
        .append("' verify \"$S/seal-proof.json\" \\\n")
        .append("    --rpc ")
        .append(settings.rpcUrl())
        .append(" --log-key '")
        .append(logKey)
        .append("'\n");
    if (portal) {
      b.append(
              "  # or in the browser, proving everything with WebCrypto and the chain's JSON-RPC:\n")
          .append("  #   ")
          .append(portalUrl(settings))
          .append("#/pdf     choose $S/sealed.pdf\n")
          .append("  #   ")
          .append(portalUrl(settings))
          .append("#/verify  drop $S/seal-proof.json\n")
          .append(
              "  # the seal's evidence certificate (存证证书), sealed with the platform seal;"
                  + " pdfsig checks it\n")
          .append(
              "  curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json'"
                  + " \\\n")
          .append("    -d \"{\\\"bundleUrl\\\": \\\"/api/seal/seals/$SEAL/proof\\\"}\" ")
          .append("-o \"$S/certificate.pdf\" ")
          .append(entry)
          .append("/portal/api/certificates\n")
          .append("  pdfsig \"$S/certificate.pdf\"\n");
    }
    b.append('\n');
  }

  private static void cardWalkthrough(
      StringBuilder b, Settings settings, Suite.Started started, String entry) {
    String api = entry + "/api/ssc";
    String verify = settings.repoFile("verifier-cli/target/govchain-verify.jar").toString();
    String token = settings.issuer() + "/oauth2/token";
    String field = " | sed -E 's/.*\"%s\":\"([^\"]+)\".*/\\1/')";
    b.append(
            "Walkthrough: a social security card issued, activated by its holder, shown as a QR"
                + " code, verified at a service point, and its proof on chain\n")
        .append("  S='")
        .append(started.samples().issueCardRequest().getParent())
        .append("'\n");
    for (String role : new String[] {"ssc-clerk", "card-holder", "service-point"}) {
      String variable = role.replace('-', '_').toUpperCase(java.util.Locale.ROOT);
      b.append("  ")
          .append(variable)
          .append("=$(curl -s -u ")
          .append(role)
          .append(':')
          .append(role)
          .append("-dev-secret -d grant_type=client_credentials ")
          .append(token)
          .append(String.format(field, "access_token"))
          .append('\n');
    }
    b.append("  # a clerk issues a card (sealed; a fresh sample citizen at every start)\n")
        .append(
            "  # (one card per person: pasted again before the next start, this step answers 409\n")
        .append("  # card-in-force and the steps after it fail)\n")
        .append(
            "  CARD=$(curl -s -H \"Authorization: Bearer $SSC_CLERK\" -H 'Content-Type: application/json' \\\n")
        .append("    --data @\"$S/issue-card.json\" ")
        .append(api)
        .append("/cards | sed -E 's/^\\{\"id\":\"([^\"]+)\".*/\\1/'); echo \"$CARD\"\n")
        .append(
            "  # the clerk hands over a one-time activation code; the holder activates the card\n")
        .append("  CODE=$(curl -s -X POST -H \"Authorization: Bearer $SSC_CLERK\" ")
        .append(api)
        .append("/cards/$CARD/activation-code")
        .append(String.format(field, "activationCode"))
        .append('\n')
        .append(
            "  curl -s -H \"Authorization: Bearer $CARD_HOLDER\" -H 'Content-Type: application/json' \\\n")
        .append("    -d \"{\\\"activationCode\\\":\\\"$CODE\\\"}\" ")
        .append(api)
        .append("/cards/$CARD/activation; echo\n")
        .append(
            "  # the holder's app asks for a QR code (60 s, single use); a hospital verifies it\n")
        .append("  QR=$(curl -s -X POST -H \"Authorization: Bearer $CARD_HOLDER\" ")
        .append(api)
        .append("/cards/$CARD/qr-codes")
        .append(String.format(field, "payload"))
        .append('\n')
        .append(
            "  curl -s -H \"Authorization: Bearer $SERVICE_POINT\" -H 'Content-Type: application/json' \\\n")
        .append("    -d \"{\\\"payload\\\":\\\"$QR\\\",\\\"businessType\\\":\\\"01\\\"}\" ")
        .append(api)
        .append("/qr-verifications; echo\n")
        .append("  # the card's proof bundle, once anchored, checked against the chain\n")
        .append(
            "  until curl -sf -H \"Authorization: Bearer $SSC_CLERK\" -o \"$S/card-proof.json\" \\\n")
        .append("    ")
        .append(api)
        .append("/cards/$CARD/proof; do sleep 2; done\n")
        .append("  java -jar '")
        .append(verify)
        .append("' verify \"$S/card-proof.json\" \\\n")
        .append("    --rpc ")
        .append(settings.rpcUrl())
        .append(" --log-key '")
        .append(started.verifierKeys().get(Application.SSC))
        .append("'\n\n");
  }

  private static void accountingWalkthrough(
      StringBuilder b, Settings settings, Suite.Started started, String entry) {
    String api = entry + "/api/accounting";
    String verify = settings.repoFile("verifier-cli/target/govchain-verify.jar").toString();
    String token = settings.issuer() + "/oauth2/token";
    String field = " | sed -E 's/.*\"%s\":\"([^\"]+)\".*/\\1/')";
    String period = Samples.samplePeriod(java.time.Instant.now());
    b.append(
            "Walkthrough: a unit's voucher prepared, reviewed by a second clerk, posted (numbered,"
                + " hash-chained, red flags checked), the trial balance, the integrity report, and"
                + " the voucher's proof on chain\n")
        .append("  S='")
        .append(started.samples().registerUnitRequest().getParent())
        .append("'\n");
    for (String client :
        new String[] {"admin", "accounting-clerk", "accounting-clerk-2", "auditor"}) {
      String variable = client.replace('-', '_').toUpperCase(java.util.Locale.ROOT);
      b.append("  ")
          .append(variable)
          .append("=$(curl -s -u ")
          .append(client)
          .append(':')
          .append(client)
          .append("-dev-secret -d grant_type=client_credentials ")
          .append(token)
          .append(String.format(field, "access_token"))
          .append('\n');
    }
    b.append(
            "  # an admin registers the demo clerks' unit (their tokens' unit claim); once: again"
                + " is 409 unit-exists\n")
        .append(
            "  curl -s -H \"Authorization: Bearer $ADMIN\" -H 'Content-Type: application/json' \\\n")
        .append("    --data @\"$S/register-unit.json\" ")
        .append(api)
        .append("/units; echo\n")
        .append("  UNIT=$(curl -s -H \"Authorization: Bearer $ACCOUNTING_CLERK\" ")
        .append(api)
        .append("/units")
        .append(String.format(field, "id"))
        .append("; echo \"$UNIT\"\n")
        .append(
            "  # a clerk prepares a voucher: a quota received, with its parallel budget lines\n")
        .append(
            "  V=$(curl -s -H \"Authorization: Bearer $ACCOUNTING_CLERK\" -H 'Content-Type: application/json' \\\n")
        .append("    --data @\"$S/quota-voucher.json\" ")
        .append(api)
        .append("/units/$UNIT/vouchers | sed -E 's/^\\{\"id\":\"([^\"]+)\".*/\\1/'); echo \"$V\"\n")
        .append(
            "  # the unit's second clerk reviews it, the first posts it (its red-flag findings"
                + " come back)\n")
        .append("  curl -s -X POST -H \"Authorization: Bearer $ACCOUNTING_CLERK_2\" ")
        .append(api)
        .append("/vouchers/$V/review > /dev/null\n")
        .append("  curl -s -X POST -H \"Authorization: Bearer $ACCOUNTING_CLERK\" ")
        .append(api)
        .append("/vouchers/$V/posting; echo\n")
        .append("  # the month's trial balance as CSV (UTF-8 with BOM: opens in a spreadsheet)\n")
        .append(
            "  curl -s -H \"Authorization: Bearer $AUDITOR\" -H 'Accept: text/csv' -o \"$S/trial-balance.csv\" \\\n")
        .append("    '")
        .append(api)
        .append("/units/'$UNIT'/trial-balance?period=")
        .append(period)
        .append("'\n")
        .append(
            "  # the auditor's integrity report: hash chain, log and anchoring of every voucher\n")
        .append("  curl -s -H \"Authorization: Bearer $AUDITOR\" ")
        .append(api)
        .append("/units/$UNIT/integrity; echo\n")
        .append("  # the voucher's proof bundle, once anchored, checked against the chain\n")
        .append(
            "  until curl -sf -H \"Authorization: Bearer $AUDITOR\" -o \"$S/voucher-proof.json\" \\\n")
        .append("    ")
        .append(api)
        .append("/vouchers/$V/proof; do sleep 2; done\n")
        .append("  java -jar '")
        .append(verify)
        .append("' verify \"$S/voucher-proof.json\" \\\n")
        .append("    --rpc ")
        .append(settings.rpcUrl())
        .append(" --log-key '")
        .append(started.verifierKeys().get(Application.ACCOUNTING))
        .append("'\n\n");
  }

  private static String local(Settings settings, Application app) {
    return "http://localhost:" + settings.port(app.portVariable());
  }

  private static void row(StringBuilder b, String label, String value) {
    b.append(String.format("  %-30s %s%n", label, value));
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
