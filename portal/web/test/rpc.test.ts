/**
 * How ChainRpc turns transport failures into ChainUnavailableError, against a local HTTP server
 * that answers with errors only (no chain state is faked).
 */

import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { ChainRpc, ChainUnavailableError } from '../src/verify/index';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

let handler: Handler = () => {};
let url: string;
const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => handler(request, body, response));
});

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function rejectsWith(promise: Promise<unknown>, message: string | RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ChainUnavailableError, String(error));
    if (typeof message === 'string') {
      assert.equal(error.message, message);
    } else {
      assert.match(error.message, message);
    }
    return true;
  });
}

describe('ChainRpc failures', () => {
  test('sends a JSON-RPC 2.0 POST with a JSON content type', async () => {
    let seen: { method?: string; type?: string; body?: unknown } = {};
    handler = (request, body, response) => {
      seen = {
        method: request.method,
        type: request.headers['content-type'],
        body: JSON.parse(body),
      };
      response.writeHead(500).end();
    };
    await assert.rejects(new ChainRpc(url).getCode('0xabc'));
    assert.equal(seen.method, 'POST');
    assert.equal(seen.type, 'application/json');
    assert.deepEqual(
      { ...(seen.body as object), id: 0 },
      { jsonrpc: '2.0', id: 0, method: 'eth_getCode', params: ['0xabc', 'latest'] },
    );
  });

  test('an HTTP error status', async () => {
    handler = (_request, _body, response) => response.writeHead(503).end('busy');
    await rejectsWith(
      new ChainRpc(url).chainId(),
      'eth_chainId: chain unavailable: HTTP 503 Service Unavailable',
    );
  });

  test('a JSON-RPC error object, reported as web3j reports it', async () => {
    handler = (_request, body, response) =>
      response.end(
        JSON.stringify({
          jsonrpc: '2.0',
          id: JSON.parse(body).id,
          error: { code: -32601, message: 'no such method' },
        }),
      );
    await rejectsWith(
      new ChainRpc(url).blockNumber(),
      'eth_blockNumber: chain unavailable: JSON-RPC error -32601: no such method',
    );
    await rejectsWith(
      new ChainRpc(url).transactionReceipt('0x' + '00'.repeat(32)),
      'eth_getTransactionReceipt: chain unavailable: no such method',
    );
  });

  test('an answer that is not a JSON-RPC response, or a malformed result', async () => {
    handler = (_request, _body, response) => response.end('<html>');
    await rejectsWith(
      new ChainRpc(url).chainId(),
      /^eth_chainId: chain unavailable: the answer is not JSON/,
    );
    handler = (_request, _body, response) => response.end('{"jsonrpc":"2.0","id":1,"result":"12"}');
    await rejectsWith(
      new ChainRpc(url).chainId(),
      'eth_chainId: chain unavailable: malformed result: "12"',
    );
  });

  test('no answer within the timeout', async () => {
    handler = () => {}; // never answers
    await rejectsWith(
      new ChainRpc(url, { timeoutMs: 200 }).chainId(),
      'eth_chainId: chain unavailable: no answer within 200 ms',
    );
  });

  test('a refused connection', async () => {
    await rejectsWith(
      new ChainRpc('http://127.0.0.1:9').chainId(),
      /^eth_chainId: chain unavailable: fetch failed/,
    );
  });
});
