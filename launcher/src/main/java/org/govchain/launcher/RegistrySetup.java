package org.govchain.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govchain.anchor.canonical.Jcs;
import org.govchain.operator.OperatorException;
import org.govchain.operator.registry.RegistryDeployment;
import org.govchain.operator.registry.RegistryInstaller;
import org.web3j.crypto.Credentials;

/**
 * Puts the AnchorRegistry on the dev chain once and keeps it usable, with the operator's {@link
 * RegistryInstaller}: deploys it on the first start (recorded in {@code devchain.json}), checks on
 * later starts that the chain still holds it and that our owner key owns it; the dev chain's
 * unlocked account funds the suite's keys; each log's submitter is registered.
 */
final class RegistrySetup {

  /**
   * The registry of this installation.
   *
   * @param chainId the chain id
   * @param registry the contract address
   * @param owner the owner's address (key in {@code keys/registry-owner.hex})
   * @param blockNumber the chain's block number right after the deployment
   * @param deployedAt when it was deployed
   */
  record Deployment(
      long chainId, String registry, String owner, long blockNumber, Instant deployedAt) {}

  /**
   * A log that needs a registered submitter.
   *
   * @param origin the log's origin ({@code logId = keccak256(origin)})
   * @param submitter its submitter key
   */
  record LogSubmitter(String origin, Credentials submitter) {}

  private RegistrySetup() {}

  /**
   * Deploys or re-checks the registry and registers the submitters.
   *
   * @throws StartupException if the recorded registry is gone or owned by someone else
   */
  static Deployment ensure(
      DevChainNode chain, Home home, Credentials owner, List<LogSubmitter> logs) {
    RegistryInstaller installer =
        new RegistryInstaller(chain.web3j(), DevChainNode.CHAIN_ID, owner, Clock.systemUTC());
    try {
      Deployment deployment = readDeployment(home).orElse(null);
      if (deployment == null) {
        RegistryDeployment deployed = installer.deploy();
        deployment =
            new Deployment(
                deployed.chainId(),
                deployed.registry(),
                deployed.owner(),
                deployed.blockNumber(),
                deployed.deployedAt());
        writeDeployment(home, deployment);
      } else {
        installer.check(
            new RegistryDeployment(
                deployment.chainId(),
                deployment.registry(),
                deployment.owner(),
                deployment.blockNumber(),
                deployment.deployedAt()),
            home.deployment() + " (the dev chain is in " + home.chain() + ")",
            resetHint(home));
      }
      installer.registerSubmitters(
          deployment.registry(),
          logs.stream()
              .map(
                  log ->
                      new RegistryInstaller.LogSubmitter(
                          log.origin(), log.submitter().getAddress()))
              .toList());
      return deployment;
    } catch (OperatorException e) {
      throw new StartupException("the dev chain at " + chain.rpcUrl() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new StartupException(
          "cannot record the registry in " + home.deployment() + ": " + e.getMessage(), e);
    }
  }

  private static String resetHint(Home home) {
    return ". The chain, the deployment record, the keys and the databases belong together: to"
        + " start afresh, stop GovChain and delete "
        + home.dir()
        + " (everything made locally is lost).";
  }

  static Optional<Deployment> readDeployment(Home home) {
    if (!Files.isRegularFile(home.deployment())) {
      return Optional.empty();
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> json =
          (Map<String, Object>) Jcs.parse(Files.readAllBytes(home.deployment()));
      return Optional.of(
          new Deployment(
              ((Number) json.get("chainId")).longValue(),
              (String) json.get("registry"),
              (String) json.get("owner"),
              ((Number) json.get("blockNumber")).longValue(),
              Instant.parse((String) json.get("deployedAt"))));
    } catch (IOException | RuntimeException e) {
      throw new StartupException(
          home.deployment() + " is unreadable (" + e.getMessage() + ")" + resetHint(home), e);
    }
  }

  private static void writeDeployment(Home home, Deployment deployment) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("chainId", deployment.chainId());
    json.put("registry", deployment.registry());
    json.put("owner", deployment.owner());
    json.put("blockNumber", deployment.blockNumber());
    json.put("deployedAt", deployment.deployedAt().toString());
    Files.write(home.deployment(), Jcs.serialize(json));
    Files.writeString(
        home.deployment(), "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
  }
}
