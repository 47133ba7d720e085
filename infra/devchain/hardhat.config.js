// GovChain dev chain: a local Hardhat JSON-RPC node for development and tests. DEV ONLY.
// The accounts are Hardhat's well-known public test accounts; never use them on a real chain.
module.exports = {
  networks: {
    hardhat: {
      chainId: 31337,
      // Blocks are mined on every transaction; test support may switch to interval mining
      // with evm_setIntervalMining for realistic block times.
      mining: { auto: true },
    },
  },
};
