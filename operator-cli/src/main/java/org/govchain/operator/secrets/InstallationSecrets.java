package org.govchain.operator.secrets;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.operator.OperatorException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * Every per-installation secret of a GovChain installation, as files named after the settings that
 * read them, one directory per container (the layout {@code infra/compose/README.md} documents):
 * database passwords, the registry owner's and each log's submitter key, each log's checkpoint
 * signer and reference key, the seal KEK and CA root, the card service's data, hash and QR keys,
 * the auth server's signing key and its confidential clients, the portal's client secret. Generated
 * once; a later run only adds what is missing. Public values derived from them (addresses to fund,
 * log origins and verifier keys) are rewritten on every run under {@code public/}, {@code
 * registry/} and {@code portal/}.
 */
public final class InstallationSecrets {

  /** A record service's log and database. */
  enum RecordService {
    SEAL("seal", "SEAL", "seal"),
    SSC("ssc", "SSC", "ssc"),
    ACCOUNTING("accounting", "ACCOUNTING", "accounting");

    final String dir;
    final String prefix;
    final String originLabel;

    RecordService(String dir, String prefix, String originLabel) {
      this.dir = dir;
      this.prefix = prefix;
      this.originLabel = originLabel;
    }
  }

  /** The roles that get a confidential client, besides the accounting clerks. */
  static final List<String> CLIENT_ROLES =
      List.of("seal-clerk", "ssc-clerk", "auditor", "service-point", "admin");

  /**
   * The portal's own client: it has the seal service seal evidence certificates, so it holds the
   * seal clerk's role, under its own id and secret so that it can be revoked alone.
   */
  static final String PORTAL_CLIENT = "portal";

  static final String PORTAL_CLIENT_ROLES = "seal-clerk,auditor";

  private static final String PORTAL_CREDIT_CODE = "portal/GOVCHAIN_PORTAL_SEAL_CREDIT_CODE";
  private static final String PORTAL_CLIENT_SECRET = "portal/GOVCHAIN_PORTAL_CLIENT_SECRET";
  private static final String PORTAL_EVIDENCE_KEY = "portal/GOVCHAIN_PORTAL_EVIDENCE_KEY";

  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?=.{1,200}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
  private static final Pattern UNIT = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");
  private static final String CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String domain;
  private final String accountingUnit;
  private final String organisation;
  private final String organisationCode;

  /**
   * @param domain the DNS name the logs' origins are made from ({@code seal.<domain>}, …)
   * @param accountingUnit the unit (unified social credit code) of the two accounting clerk
   *     clients, or null for none
   * @param organisation the seal CA root's organisation name
   * @param organisationCode the organisation's unified social credit code, whose seal the portal
   *     puts on evidence certificates; null keeps the one recorded by an earlier run
   */
  public InstallationSecrets(
      String domain, String accountingUnit, String organisation, String organisationCode) {
    if (!DOMAIN.matcher(domain).matches()) {
      throw new OperatorException(
          "--domain must be a lower-case DNS name such as city.example, not '" + domain + "'");
    }
    if (accountingUnit != null && !UNIT.matcher(accountingUnit).matches()) {
      throw new OperatorException(
          "--accounting-unit must be an 18-character unified social credit code");
    }
    if (organisation.isBlank() || organisation.chars().anyMatch(c -> c < 0x20 || c == ',')) {
      throw new OperatorException("--organisation must be a name without commas or controls");
    }
    // a mistyped code would only show when the first certificate finds no seal: refuse it here
    if (organisationCode != null && !isCreditCode(organisationCode)) {
      throw new OperatorException(
          "--organisation-code must be an 18-character unified social credit code with its check"
              + " character (GB 32100), not '"
              + organisationCode
              + "'");
    }
    this.domain = domain;
    this.accountingUnit = accountingUnit;
    this.organisation = organisation;
    this.organisationCode = organisationCode;
  }

  /** Whether {@code code} is 18 characters of the code's set with the right check character. */
  static boolean isCreditCode(String code) {
    if (!UNIT.matcher(code).matches()) {
      return false;
    }
    int sum = 0;
    int weight = 1;
    for (int i = 0; i < 17; i++) {
      sum += CODE_CHARACTERS.indexOf(code.charAt(i)) * weight;
      weight = weight * 3 % 31;
    }
    return code.charAt(17) == CODE_CHARACTERS.charAt((31 - sum % 31) % 31);
  }

  /** What a run did: the files it made, the ones it kept and the ones it added to. */
  public record Outcome(
      List<Path> created, List<Path> kept, List<Path> amended, Map<String, String> addresses) {}

  /** Generates what is missing under {@code dir}. */
  public Outcome generate(Path dir) {
    SecretFiles files = new SecretFiles(dir);
    // before anything is written, so that a refused run leaves the directory as it was
    checkOrganisationCode(files);
    Map<String, String> addresses = new LinkedHashMap<>();
    files.text("postgres/POSTGRES_PASSWORD", InstallationSecrets::password);
    // the gateway replicas' shared rate limit store: Redis and every gateway read the same file
    files.text("gateway/GOVCHAIN_RATE_LIMIT_REDIS_PASSWORD", InstallationSecrets::password);

    Credentials owner =
        Credentials.create(
            files.text("registry/GOVCHAIN_REGISTRY_OWNER_KEY", InstallationSecrets::ethereumKey));
    addresses.put("registry owner", owner.getAddress());
    StringBuilder verifierKeys = new StringBuilder();
    for (RecordService service : RecordService.values()) {
      String d = service.dir + "/";
      files.text(d + service.prefix + "_DB_PASSWORD", InstallationSecrets::password);
      String origin =
          files.text(d + "GOVCHAIN_LOG_ORIGIN", () -> service.originLabel + "." + domain);
      NoteSigner signer =
          signer(
              files.text(
                  d + "GOVCHAIN_LOG_SIGNER_KEY", () -> NoteSigner.generate(origin).signerKey()),
              origin,
              files.root().resolve(d + "GOVCHAIN_LOG_SIGNER_KEY"));
      // the key of the log's keyed references to people: never rotated, so never rewritten
      files.text(d + "GOVCHAIN_LOG_REFERENCE_KEY", () -> aesKey());
      Credentials submitter =
          Credentials.create(
              files.text(d + "GOVCHAIN_ANCHOR_SUBMITTER_KEY", InstallationSecrets::ethereumKey));
      addresses.put(origin + " submitter", submitter.getAddress());
      files.derived("registry/GOVCHAIN_" + service.prefix + "_LOG_ORIGIN", origin);
      files.derived(
          "registry/GOVCHAIN_" + service.prefix + "_SUBMITTER_ADDRESS", submitter.getAddress());
      // the portal publishes them to browsers, which check checkpoints' signatures themselves
      files.derived("portal/GOVCHAIN_" + service.prefix + "_LOG_ORIGIN", origin);
      files.derived(
          "portal/GOVCHAIN_" + service.prefix + "_LOG_VERIFIER_KEY", signer.verifierKey());
      verifierKeys.append(signer.verifierKey()).append('\n');
    }

    files.text("seal/GOVCHAIN_SEAL_KEK", () -> aesKey());
    String caPassword = files.text("seal/GOVCHAIN_SEAL_CA_PASSWORD", InstallationSecrets::password);
    files.bytes(
        "seal/seal-ca.p12",
        () ->
            Keytool.generate(
                caPassword,
                List.of(
                    "-alias",
                    "seal-root",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-sigalg",
                    "SHA256withECDSA",
                    "-dname",
                    "CN=" + organisation + " Seal Root CA, O=" + organisation + ", C=CN",
                    "-validity",
                    "3650",
                    "-ext",
                    "bc:c=ca:true",
                    "-ext",
                    "ku:c=keyCertSign,cRLSign")));

    String keyId = files.text("ssc/GOVCHAIN_SSC_DATA_KEY_ID", () -> "key-1");
    files.text("ssc/GOVCHAIN_SSC_DATA_KEYS", () -> keyId + "=" + aesKey());
    files.text("ssc/GOVCHAIN_SSC_HASH_KEY", () -> aesKey());
    files.text("ssc/qr-signing-key.pem", InstallationSecrets::qrKeyPem);

    String authPassword =
        files.text("auth/GOVCHAIN_AUTH_KEYSTORE_PASSWORD", InstallationSecrets::password);
    files.bytes(
        "auth/auth-signing.p12",
        () ->
            Keytool.generate(
                authPassword,
                List.of(
                    "-alias",
                    "govchain-auth",
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "3072",
                    "-sigalg",
                    "SHA256withRSA",
                    "-dname",
                    "CN=GovChain auth signing key, O=" + organisation,
                    "-validity",
                    "730")));
    String clients = files.privateText("auth/clients.txt", this::clientList);
    boolean portalAdded = clientSecret(clients, PORTAL_CLIENT) == null;
    if (portalAdded) {
      // an installation made before the portal: its client is added, every other line kept
      clients = clients.strip() + "\n" + portalClientLine();
      files.amend("auth/clients.txt", clients, true);
    }
    String clientList = clients;
    if (portalAdded && files.exists("auth/clients.properties")) {
      files.amend("auth/clients.properties", clientProperties(clientList), false);
    } else {
      files.text("auth/clients.properties", () -> clientProperties(clientList));
    }
    String portalSecret = clientSecret(clients, PORTAL_CLIENT);
    if (!files.text(PORTAL_CLIENT_SECRET, () -> portalSecret).equals(portalSecret)) {
      throw new OperatorException(
          files.root().resolve(PORTAL_CLIENT_SECRET)
              + " is not the secret of the client '"
              + PORTAL_CLIENT
              + "' in auth/clients.txt, the only one the auth server accepts: copy it from there");
    }
    files.text(PORTAL_CREDIT_CODE, () -> organisationCode);
    // the HMAC key of the evidence links printed on certificates: changing it breaks them all
    files.text(PORTAL_EVIDENCE_KEY, () -> aesKey());

    StringBuilder fund = new StringBuilder();
    addresses.values().forEach(a -> fund.append(fund.length() == 0 ? "" : ",").append(a));
    files.derived("public/addresses.txt", fund + "\n");
    files.derived("public/log-verifier-keys.txt", verifierKeys.toString());
    return new Outcome(
        List.copyOf(files.created()),
        List.copyOf(files.kept()),
        List.copyOf(files.amended()),
        addresses);
  }

  /**
   * The portal's credit code is recorded once: a first run needs it, a later one may leave it out
   * but not contradict it.
   */
  private void checkOrganisationCode(SecretFiles files) {
    String recorded = files.current(PORTAL_CREDIT_CODE);
    if (recorded == null && organisationCode == null) {
      throw new OperatorException(
          "--organisation-code is needed: the unified social credit code of the organisation"
              + " whose seal the portal puts on evidence certificates ("
              + files.root().resolve(PORTAL_CREDIT_CODE)
              + " does not exist yet)");
    }
    if (recorded != null && organisationCode != null && !recorded.equals(organisationCode)) {
      throw new OperatorException(
          "--organisation-code "
              + organisationCode
              + " contradicts "
              + files.root().resolve(PORTAL_CREDIT_CODE)
              + " ("
              + recorded
              + "); edit or delete that file to change it");
    }
  }

  /** The clear secret of client {@code id} in a {@code clients.txt} text, or null. */
  static String clientSecret(String clientList, String id) {
    for (String line : clientList.split("\n")) {
      String[] fields = line.strip().split("\\s+");
      if (fields.length >= 2 && !fields[0].startsWith("#") && fields[0].equals(id)) {
        return fields[1];
      }
    }
    return null;
  }

  private static String portalClientLine() {
    return PORTAL_CLIENT + ' ' + password() + ' ' + PORTAL_CLIENT_ROLES + '\n';
  }

  private static NoteSigner signer(String key, String origin, Path file) {
    NoteSigner signer;
    try {
      signer = NoteSigner.fromSignerKey(key);
    } catch (IllegalArgumentException e) {
      throw new OperatorException(file + " is not a checkpoint signer key: " + e.getMessage(), e);
    }
    if (!signer.name().equals(origin)) {
      throw new OperatorException(
          file + " signs for '" + signer.name() + "', but the log's origin is '" + origin + "'");
    }
    return signer;
  }

  /** {@code id secret roles [unit]} per line: the clear secrets, for the operator to hand out. */
  private String clientList() {
    StringBuilder text =
        new StringBuilder(
            "# GovChain's confidential clients (client credentials grant): id, secret, roles,"
                + " unit.\n# Hand each secret to its holder; auth/clients.properties holds only"
                + " their bcrypt hashes.\n");
    for (String role : CLIENT_ROLES) {
      text.append(role).append(' ').append(password()).append(' ').append(role).append('\n');
    }
    text.append(portalClientLine());
    if (accountingUnit != null) {
      for (String id : List.of("accounting-clerk", "accounting-clerk-2")) {
        text.append(id)
            .append(' ')
            .append(password())
            .append(" accounting-clerk ")
            .append(accountingUnit)
            .append('\n');
      }
    }
    return text.toString();
  }

  /** The auth server's {@code govchain.auth.clients[n]} settings, secrets as bcrypt hashes. */
  static String clientProperties(String clientList) {
    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(12, RANDOM);
    StringBuilder text =
        new StringBuilder(
            "# The auth server's confidential clients (made from clients.txt by govchain-operator"
                + " secrets).\n");
    int n = 0;
    for (String line : clientList.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] fields = trimmed.split("\\s+");
      if (fields.length < 3 || fields.length > 4) {
        throw new OperatorException(
            "auth/clients.txt: a line must be 'id secret roles [unit]', not '" + fields[0] + " …'");
      }
      String p = "govchain.auth.clients[" + n++ + "].";
      text.append(p).append("id=").append(fields[0]).append('\n');
      text.append(p).append("secret={bcrypt}").append(bcrypt.encode(fields[1])).append('\n');
      text.append(p).append("roles=").append(fields[2]).append('\n');
      if (fields.length == 4) {
        text.append(p).append("unit=").append(fields[3]).append('\n');
      }
    }
    return text.toString();
  }

  static String password() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String aesKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  static String ethereumKey() {
    try {
      return Numeric.toHexStringWithPrefixZeroPadded(Keys.createEcKeyPair().getPrivateKey(), 64);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an Ethereum key", e);
    }
  }

  /** An Ed25519 key pair as a PKCS#8 "PRIVATE KEY" and an X.509 "PUBLIC KEY" PEM block. */
  static String qrKeyPem() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return pem("PRIVATE KEY", pair.getPrivate().getEncoded())
          + pem("PUBLIC KEY", pair.getPublic().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an Ed25519 key", e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** The file names of every secret, for documentation and tests. */
  static List<String> layout() {
    List<String> names = new ArrayList<>();
    names.add("postgres/POSTGRES_PASSWORD");
    names.add("gateway/GOVCHAIN_RATE_LIMIT_REDIS_PASSWORD");
    names.add("registry/GOVCHAIN_REGISTRY_OWNER_KEY");
    for (RecordService service : RecordService.values()) {
      names.add(service.dir + "/" + service.prefix + "_DB_PASSWORD");
      names.add(service.dir + "/GOVCHAIN_LOG_ORIGIN");
      names.add(service.dir + "/GOVCHAIN_LOG_SIGNER_KEY");
      names.add(service.dir + "/GOVCHAIN_LOG_REFERENCE_KEY");
      names.add(service.dir + "/GOVCHAIN_ANCHOR_SUBMITTER_KEY");
    }
    names.addAll(
        List.of(
            "seal/GOVCHAIN_SEAL_KEK",
            "seal/GOVCHAIN_SEAL_CA_PASSWORD",
            "seal/seal-ca.p12",
            "ssc/GOVCHAIN_SSC_DATA_KEY_ID",
            "ssc/GOVCHAIN_SSC_DATA_KEYS",
            "ssc/GOVCHAIN_SSC_HASH_KEY",
            "ssc/qr-signing-key.pem",
            "auth/GOVCHAIN_AUTH_KEYSTORE_PASSWORD",
            "auth/auth-signing.p12",
            "auth/clients.txt",
            "auth/clients.properties",
            PORTAL_CLIENT_SECRET,
            PORTAL_CREDIT_CODE,
            PORTAL_EVIDENCE_KEY));
    return names;
  }
}
