package org.govchain.anchor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.Response;

class RegistryAbiTest {

  private static final byte[] LOG = LogId.of("seal.govchain.example");
  private static final String CALLER = "0x00000000000000000000000000000000000000aa";

  @Test
  void decodesTreeSizeNotGreaterWithItsValues() {
    String data =
        errorData(
            "TreeSizeNotGreater(bytes32,uint64,uint64)",
            new Bytes32(LOG),
            new Uint64(10),
            new Uint64(9));

    ChainException error = RegistryAbi.revert(null, data, "fallback");

    assertThat(error)
        .isInstanceOfSatisfying(
            TreeSizeNotGreaterException.class,
            e -> {
              assertThat(e.logId()).isEqualTo(LOG);
              assertThat(e.latestSize()).isEqualTo(10);
              assertThat(e.treeSize()).isEqualTo(9);
            });
  }

  @Test
  void decodesNotSubmitterAndNotOwnerWithTheCaller() {
    ChainException notSubmitter =
        RegistryAbi.revert(
            null,
            errorData("NotSubmitter(bytes32,address)", new Bytes32(LOG), new Address(CALLER)),
            "fallback");
    ChainException notOwner =
        RegistryAbi.revert(null, errorData("NotOwner(address)", new Address(CALLER)), "fallback");

    assertThat(notSubmitter)
        .isInstanceOfSatisfying(
            NotSubmitterException.class, e -> assertThat(e.caller()).isEqualTo(CALLER));
    assertThat(notOwner)
        .isInstanceOfSatisfying(
            NotOwnerException.class, e -> assertThat(e.caller()).isEqualTo(CALLER));
  }

  @Test
  void unknownOrEmptyRevertDataBecomesTransactionFailedWithTheFallbackReason() {
    ChainException unknown = RegistryAbi.revert("0xabc", "0xdeadbeef", "node said no");
    ChainException empty = RegistryAbi.revert(null, "0x", "node said no");

    assertThat(unknown)
        .isInstanceOfSatisfying(
            TransactionFailedException.class,
            e -> {
              assertThat(e.transactionHash()).contains("0xabc");
              assertThat(e.reason()).startsWith("node said no").contains("0xdeadbeef");
            });
    assertThat(empty)
        .isInstanceOfSatisfying(
            TransactionFailedException.class,
            e -> {
              assertThat(e.transactionHash()).isEmpty();
              assertThat(e.reason()).isEqualTo("node said no");
            });
  }

  @Test
  void findsRevertDataAsPlainHexOrNestedInAnObject() {
    Response.Error besu = new Response.Error(3, "execution reverted");
    besu.setData("0x1234abcd");
    Response.Error hardhat = new Response.Error(-32603, "reverted with custom error");
    hardhat.setData("{\"message\":\"reverted\",\"data\":\"0x1234abcd\"}");
    Response.Error none = new Response.Error(-32000, "nonce too low");

    assertThat(RegistryAbi.revertData(besu)).contains("0x1234abcd");
    assertThat(RegistryAbi.revertData(hardhat)).contains("0x1234abcd");
    assertThat(RegistryAbi.revertData(none)).isEmpty();
  }

  @Test
  void bytecodeResourceComesFromTheContractsModule() {
    assertThat(RegistryAbi.creationBytecode()).startsWith("0x").matches("0x[0-9a-f]{200,}");
  }

  private static String errorData(String signature, Type<?>... args) {
    return Hash.sha3String(signature).substring(0, 10)
        + FunctionEncoder.encodeConstructor(List.of(args));
  }
}
