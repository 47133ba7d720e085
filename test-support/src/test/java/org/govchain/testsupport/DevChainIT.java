package org.govchain.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

@WithDevChain
class DevChainIT {

  @Test
  void chainAnswersWithItsChainId(DevChain chain) throws Exception {
    BigInteger reported = chain.web3j().ethChainId().send().getChainId();

    assertThat(reported.longValueExact()).isEqualTo(chain.chainId());
    if (chain.isHardhat()) {
      assertThat(chain.chainId()).isEqualTo(31337L);
      assertThat(chain.rpcUrl()).startsWith("http://127.0.0.1:");
    }
  }

  @Test
  void newFundedAccountsAreDistinctAndHaveBalance(DevChain chain) throws Exception {
    Credentials first = chain.newFundedAccount();
    Credentials second = chain.newFundedAccount();

    assertThat(first.getAddress()).isNotEqualTo(second.getAddress());
    for (Credentials account : new Credentials[] {first, second}) {
      BigInteger balance =
          chain
              .web3j()
              .ethGetBalance(account.getAddress(), DefaultBlockParameterName.LATEST)
              .send()
              .getBalance();
      assertThat(balance).isGreaterThan(BigInteger.TEN.pow(17));
    }
  }

  @Test
  void mineAdvancesTheBlockNumber(DevChain chain) {
    long before = chain.blockNumber();

    chain.mine(3);

    assertThat(chain.blockNumber()).isGreaterThanOrEqualTo(before + 3);
  }

  @Test
  void everyTestGetsTheSameChain(DevChain first, DevChain second) {
    assertThat(first).isSameAs(second);
  }

  @Test
  void nodeProjectFindsTheRepositoryRoot() {
    assertThat(NodeProject.root().resolve("infra/devchain/hardhat.config.js")).exists();
  }
}
