#!/usr/bin/env node
// Compiles AnchorRegistry.sol with the solc pinned in package.json (solc-js, no download) and
// writes compiled/AnchorRegistry.abi (pretty JSON) and compiled/AnchorRegistry.bin (hex, no 0x).
//
//   node compile.js               compile and write compiled/
//   node compile.js --check       compile and exit 1 if compiled/ differs from the fresh output
//   node compile.js --out <dir>   compile and write to <dir> instead (used by the Java test)
//   node compile.js --source <file.sol> --out <dir>
//                                 compile another contract (named as its file) with the same
//                                 compiler and settings: the layouts bench/ compares for gas
//
// The output is deterministic: fixed source unit name, fixed settings, the IPFS metadata hash
// covers only the source text and these settings (AnchorRegistry.sol is checked out with LF
// line endings, see .gitattributes).
'use strict';

const fs = require('fs');
const path = require('path');
const solc = require('solc');

const CONTRACT = 'AnchorRegistry';
const SOURCE_UNIT = `${CONTRACT}.sol`;
const EXPECTED_COMPILER = '0.8.30';

function compile(sourceFile = path.join(__dirname, SOURCE_UNIT)) {
  const unit = path.basename(sourceFile);
  const name = path.basename(sourceFile, '.sol');
  const version = solc.version();
  if (!version.startsWith(`${EXPECTED_COMPILER}+`)) {
    throw new Error(`expected solc ${EXPECTED_COMPILER}, found ${version}; run npm ci in contracts/`);
  }
  const input = {
    language: 'Solidity',
    sources: {
      [unit]: { content: fs.readFileSync(sourceFile, 'utf8') },
    },
    settings: {
      optimizer: { enabled: true, runs: 200 },
      // "paris" (the Merge) rather than solc's default: it keeps PUSH0 (Shanghai) and the newer
      // opcodes out of the bytecode, so the same artifact deploys on private Besu/QBFT networks
      // whose genesis predates Shanghai, as well as on Hardhat and public chains.
      evmVersion: 'paris',
      metadata: { bytecodeHash: 'ipfs' },
      outputSelection: { [unit]: { [name]: ['abi', 'evm.bytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const problems = output.errors || [];
  for (const p of problems) {
    process.stderr.write(p.formattedMessage || p.message);
  }
  if (problems.some((p) => p.severity === 'error')) {
    throw new Error('compilation failed');
  }
  const contract = output.contracts[unit][name];
  return {
    [`${name}.abi`]: JSON.stringify(contract.abi, null, 2) + '\n',
    [`${name}.bin`]: contract.evm.bytecode.object + '\n',
  };
}

function main(args) {
  const source = args.indexOf('--source');
  let sourceFile;
  if (source >= 0) {
    if (!args[source + 1]) {
      throw new Error('--source needs a .sol file');
    }
    sourceFile = path.resolve(args[source + 1]);
    args = args.slice(0, source).concat(args.slice(source + 2));
  }
  const files = compile(sourceFile);
  const compiledDir = path.join(__dirname, 'compiled');
  if (args[0] === '--check') {
    const stale = Object.keys(files).filter((name) => {
      const file = path.join(compiledDir, name);
      return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== files[name];
    });
    if (stale.length > 0) {
      process.stderr.write(`out of date: ${stale.join(', ')}; run node compile.js\n`);
      return 1;
    }
    process.stdout.write('compiled/ is up to date\n');
    return 0;
  }
  const outDir = args[0] === '--out' && args[1] ? path.resolve(args[1]) : compiledDir;
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(outDir, name), text);
  }
  process.stdout.write(`wrote ${Object.keys(files).join(', ')} to ${outDir}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 2;
}
