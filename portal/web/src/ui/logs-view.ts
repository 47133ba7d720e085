// "Watch the logs": each log's newest checkpoint, its anchoring on chain and the lag, and a
// consistency check between the checkpoint this browser saw last time and now, computed here: a
// log that rewrote its history is flagged.

import {
  ChainRpc,
  NoteVerifier,
  fromHex,
  hex,
  verifyCheckpointNote,
  verifyConsistency,
} from '../verify/index';
import { clear, el, pairs } from './dom';
import { t } from './i18n';
import { preferredRpc, type LogSettings, type PortalSettings } from './settings';

/** A checkpoint as `GET {prefix}/log/checkpoint` answers it. */
interface LogCheckpoint {
  origin: string;
  size: number;
  rootHash: string;
  note: string;
  createdAt: string;
  anchor: {
    chainId: number;
    contract: string;
    txHash: string;
    blockNumber: number;
    blockTime: string;
  } | null;
}

/** What this browser remembers of a log: the last checkpoint it accepted. */
interface Seen {
  size: number;
  rootHash: string;
  seenAt: string;
}

type Consistency = 'first' | 'consistent' | 'rewritten' | 'unverified';

const SEEN_PREFIX = 'govchain.portal.seen.';

/** The logs page. */
export function logsView(settings: PortalSettings): HTMLElement {
  const list = el('div', { id: 'logs' });
  const refresh = el('button', { type: 'button', id: 'logs-refresh' }, t('logs.refresh'));
  const page = el(
    'section',
    { 'aria-labelledby': 'logs-heading' },
    el('h2', { id: 'logs-heading' }, t('logs.heading')),
    el('p', {}, t('logs.intro')),
    el('p', {}, refresh),
    list,
  );
  const load = () => {
    clear(list);
    for (const log of settings.logs) {
      const section = el(
        'section',
        { class: 'log', 'data-log': log.name, 'aria-live': 'polite' },
        el('h3', {}, `${log.name} — `, el('code', {}, log.origin)),
        el('p', { class: 'busy' }, t('loading')),
      );
      list.appendChild(section);
      void watch(settings, log, section);
    }
  };
  refresh.addEventListener('click', load);
  load();
  return page;
}

async function watch(settings: PortalSettings, log: LogSettings, section: HTMLElement): Promise<void> {
  const heading = section.querySelector('h3');
  const show = (...nodes: Array<Node | null>) => {
    clear(section);
    if (heading) {
      section.appendChild(heading);
    }
    for (const node of nodes) {
      if (node) {
        section.appendChild(node);
      }
    }
  };
  let checkpoint: LogCheckpoint;
  try {
    const response = await fetch(`${log.apiPrefix}/log/checkpoint`, {
      headers: { Accept: 'application/json' },
      credentials: 'omit',
    });
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
    checkpoint = (await response.json()) as LogCheckpoint;
  } catch (e) {
    show(el('p', { class: 'message' }, t('logs.unavailable') + errorText(e)));
    return;
  }

  const problems: string[] = [];
  if (checkpoint.origin !== log.origin) {
    problems.push(`${t('logs.wrongOrigin')} ${checkpoint.origin}`);
  }
  let signature = t('logs.noKey');
  if (log.verifierKey) {
    try {
      const verifier = await NoteVerifier.fromVerifierKey(log.verifierKey);
      const signed = await verifyCheckpointNote(checkpoint.note, verifier);
      if (
        signed.origin !== checkpoint.origin ||
        signed.size !== checkpoint.size ||
        hex(signed.rootHash) !== checkpoint.rootHash
      ) {
        problems.push(t('logs.noteDiffers'));
      } else {
        signature = `${t('logs.signedBy')} ${verifier.name}+${verifier.keyId.toString(16).padStart(8, '0')}`;
      }
    } catch (e) {
      problems.push(t('logs.badSignature') + errorText(e));
    }
  }

  const rows: Array<[string, string]> = [
    [t('logs.size'), String(checkpoint.size)],
    [t('logs.root'), checkpoint.rootHash],
    [t('logs.created'), checkpoint.createdAt],
    [t('logs.signature'), signature],
  ];
  const chain = await chainView(settings, log, checkpoint, problems);
  rows.push(...chain);

  const consistency = problems.length > 0 ? null : await checkConsistency(log, checkpoint);
  const flag =
    consistency === null
      ? el('p', { class: 'consistency flag', 'data-consistency': 'unverified', role: 'alert' }, problems.join('; '))
      : consistencyNote(consistency);
  show(pairs(rows), flag);
}

/** The checkpoint's anchoring as the chain tells it, and the lag behind the log. */
async function chainView(
  settings: PortalSettings,
  log: LogSettings,
  checkpoint: LogCheckpoint,
  problems: string[],
): Promise<Array<[string, string]>> {
  const rpcUrl = preferredRpc(settings);
  const rpc = new ChainRpc(rpcUrl);
  const rows: Array<[string, string]> = [[t('logs.rpc'), rpcUrl]];
  try {
    const logId = fromHex(log.logId.replace(/^0x/, ''));
    const [latest, head] = await Promise.all([
      rpc.latest(settings.chain.registryAddress, logId),
      rpc.blockNumber(),
    ]);
    if (!latest) {
      rows.push([t('logs.anchored'), t('logs.notAnchored')]);
      return rows;
    }
    rows.push([t('logs.anchored'), `${latest.treeSize} (${t('logs.block')} ${latest.blockNumber})`]);
    rows.push([t('logs.anchoredAt'), new Date(latest.blockTime * 1000).toISOString()]);
    rows.push([t('logs.depth'), String(head - latest.blockNumber + 1)]);
    rows.push([t('logs.lag'), String(Math.max(0, checkpoint.size - latest.treeSize))]);
    if (checkpoint.anchor) {
      rows.push([t('logs.transaction'), checkpoint.anchor.txHash]);
      const stored = await rpc.checkpointAt(
        settings.chain.registryAddress,
        logId,
        checkpoint.size,
      );
      if (!stored || hex(stored.rootHash) !== checkpoint.rootHash) {
        problems.push(t('logs.chainDiffers'));
      }
    }
  } catch (e) {
    rows.push([t('logs.anchored'), t('logs.chainUnavailable') + errorText(e)]);
  }
  return rows;
}

/**
 * Compares the checkpoint with the one this browser accepted last time: same size and root, or a
 * consistency proof from the log that this browser verifies. A consistent checkpoint replaces the
 * remembered one; a rewritten history keeps the old one remembered, as evidence.
 */
async function checkConsistency(log: LogSettings, checkpoint: LogCheckpoint): Promise<Consistency> {
  const key = SEEN_PREFIX + log.origin;
  const seen = readSeen(key);
  const now: Seen = { size: checkpoint.size, rootHash: checkpoint.rootHash, seenAt: new Date().toISOString() };
  if (!seen) {
    writeSeen(key, now);
    return 'first';
  }
  try {
    if (checkpoint.size < seen.size) {
      return 'rewritten';
    }
    let proof: Uint8Array[] = [];
    if (seen.size > 0 && seen.size < checkpoint.size) {
      const response = await fetch(
        `${log.apiPrefix}/log/proofs/consistency?from=${seen.size}&to=${checkpoint.size}`,
        { headers: { Accept: 'application/json' }, credentials: 'omit' },
      );
      if (!response.ok) {
        return 'unverified';
      }
      const body = (await response.json()) as { proof: string[] };
      proof = body.proof.map((h) => fromHex(h));
    }
    if (seen.size > 0) {
      await verifyConsistency(
        seen.size,
        checkpoint.size,
        fromHex(seen.rootHash),
        fromHex(checkpoint.rootHash),
        proof,
      );
    }
  } catch {
    return 'rewritten';
  }
  writeSeen(key, now);
  return 'consistent';
}

function consistencyNote(consistency: Consistency): HTMLElement {
  const text = {
    first: t('logs.first'),
    consistent: t('logs.consistent'),
    rewritten: t('logs.rewritten'),
    unverified: t('logs.unverified'),
  }[consistency];
  const flagged = consistency === 'rewritten' || consistency === 'unverified';
  return el(
    'p',
    {
      class: flagged ? 'consistency flag' : 'consistency',
      'data-consistency': consistency,
      role: flagged ? 'alert' : undefined,
    },
    text,
  );
}

function readSeen(key: string): Seen | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) {
      return null;
    }
    const value = JSON.parse(raw) as Seen;
    return Number.isSafeInteger(value.size) && /^[0-9a-f]{64}$/.test(value.rootHash) ? value : null;
  } catch {
    return null;
  }
}

function writeSeen(key: string, seen: Seen): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(seen));
  } catch {
    // private mode: nothing is remembered
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
