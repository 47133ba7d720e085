// Deploys AnchorRegistry on the local dev chain from its first (unlocked) Hardhat account and
// prints the deployment as JSON. DEV ONLY: on a real chain, deploy with the operator's own key.
//
// usage: node scripts/deploy-registry.js <rpc-url> <path to AnchorRegistry.bin>
"use strict";
const fs = require("fs");

async function rpc(url, method, params) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = await response.json();
  if (body.error) {
    throw new Error(`${method}: ${body.error.message}`);
  }
  return body.result;
}

async function main() {
  const [url, binPath] = process.argv.slice(2);
  if (!url || !binPath) {
    console.error("usage: node scripts/deploy-registry.js <rpc-url> <AnchorRegistry.bin>");
    process.exit(2);
  }
  const bytecode = "0x" + fs.readFileSync(binPath, "utf8").trim();
  const [owner] = await rpc(url, "eth_accounts", []);
  const txHash = await rpc(url, "eth_sendTransaction", [{ from: owner, data: bytecode }]);
  let receipt = null;
  for (let i = 0; i < 100 && receipt === null; i++) {
    receipt = await rpc(url, "eth_getTransactionReceipt", [txHash]);
    if (receipt === null) await new Promise((r) => setTimeout(r, 100));
  }
  if (receipt === null || receipt.status !== "0x1") {
    throw new Error(`deployment ${txHash} failed or was not mined`);
  }
  const chainId = parseInt(await rpc(url, "eth_chainId", []), 16);
  console.log(
    JSON.stringify({
      chainId,
      rpcUrl: url,
      registry: receipt.contractAddress,
      owner,
      transactionHash: txHash,
      blockNumber: parseInt(receipt.blockNumber, 16),
    }),
  );
}

main().catch((e) => {
  console.error(`deploy-registry: ${e.message}`);
  process.exit(1);
});
