// "Verify a proof bundle": a bundle dropped, chosen, pasted or fetched from an address, verified in
// this browser against the chain the user chooses.

import {
  MalformedBundleError,
  NoteVerifier,
  parseBundle,
  verifyBundle,
  type ProofBundle,
  type Verification,
} from '../verify/index';
import { clear, el } from './dom';
import { t } from './i18n';
import { renderVerification } from './result';
import { preferredRpc, publishedKey, rememberRpc, type PortalSettings } from './settings';

/** What the verify form needs from the rest of the page. */
export interface VerifyForm {
  /** The form's element. */
  element: HTMLElement;
  /** Puts `json` in the form and verifies it. */
  verifyText(json: string): Promise<void>;
}

/** The last result of each form, kept so a language switch shows it again. */
const lastResults = new Map<string, { bundle: ProofBundle; verification: Verification }>();

/** The verify page; `params` may carry `bundle` (an address to fetch) and `rpc`. */
export function verifyView(settings: PortalSettings, params: URLSearchParams): HTMLElement {
  const form = verifyForm(settings, 'verify', params.get('rpc'));
  const page = el(
    'section',
    { 'aria-labelledby': 'verify-heading' },
    el('h2', { id: 'verify-heading' }, t('verify.heading')),
    el('p', {}, t('verify.intro')),
    form.element,
  );
  // a certificate's evidence link: the portal reads the certified record's bundle anew
  const evidence = params.get('evidence');
  const bundleUrl = evidence ? `api/evidence/${encodeURIComponent(evidence)}` : params.get('bundle');
  if (bundleUrl) {
    const field = page.querySelector<HTMLInputElement>('#bundle-url');
    if (field) {
      field.value = bundleUrl;
    }
    void fetchAndVerify(bundleUrl, form);
  }
  return page;
}

/**
 * The bundle form with its settings and result area.
 *
 * @param slot names the form, so that its last result is shown again when the page is redrawn
 */
export function verifyForm(
  settings: PortalSettings,
  slot: string,
  rpcOverride: string | null = null,
): VerifyForm {
  const message = el('div', { id: 'message', class: 'message', role: 'alert' });
  const result = el('div', { id: 'result-area', 'aria-live': 'polite' });

  const file = el('input', {
    type: 'file',
    id: 'bundle-file',
    accept: 'application/json,.json',
  });
  const drop = el(
    'div',
    { class: 'drop', id: 'drop' },
    el('label', { for: 'bundle-file' }, t('verify.file')),
    el('p', { class: 'hint' }, t('verify.drop')),
    file,
  );
  const text = el('textarea', { id: 'bundle-text', rows: '8', spellcheck: 'false' });
  const url = el('input', { type: 'text', id: 'bundle-url', inputmode: 'url', autocomplete: 'off' });
  const fetchButton = el('button', { type: 'button', id: 'bundle-fetch' }, t('verify.fetch'));
  const rpc = el('input', { type: 'text', id: 'rpc-url', inputmode: 'url', autocomplete: 'off' });
  rpc.value = rpcOverride ?? preferredRpc(settings);
  const confirmations = el('input', { type: 'number', id: 'confirmations', min: '1', step: '1' });
  confirmations.value = String(settings.chain.minConfirmations);
  const logKey = el('input', { type: 'text', id: 'log-key', autocomplete: 'off', spellcheck: 'false' });
  let keyChosenByUser = false;
  logKey.addEventListener('input', () => {
    keyChosenByUser = true;
  });
  const submit = el('button', { type: 'submit', id: 'verify' }, t('verify.submit'));

  const element = el(
    'form',
    { id: 'bundle-form', novalidate: true },
    drop,
    el('label', { for: 'bundle-text' }, t('verify.paste')),
    text,
    el('label', { for: 'bundle-url' }, t('verify.url')),
    el('div', { class: 'row' }, url, fetchButton),
    el(
      'details',
      { id: 'options' },
      el('summary', {}, t('verify.options')),
      el('label', { for: 'rpc-url' }, t('verify.rpc')),
      rpc,
      el('p', { class: 'hint' }, t('verify.rpcHelp')),
      el('label', { for: 'confirmations' }, t('verify.confirmations')),
      confirmations,
      el('label', { for: 'log-key' }, t('verify.logKey')),
      logKey,
      el('p', { class: 'hint' }, t('verify.logKeyHelp')),
    ),
    submit,
    message,
    result,
  );

  const say = (text: string) => {
    message.textContent = text;
  };

  const run = async () => {
    say('');
    clear(result);
    const json = text.value.trim();
    if (json === '') {
      say(t('verify.empty'));
      return;
    }
    let bundle: ProofBundle;
    try {
      bundle = parseBundle(json);
    } catch (e) {
      say(t('verify.badBundle') + (e instanceof MalformedBundleError ? e.message : String(e)));
      return;
    }
    if (!keyChosenByUser) {
      logKey.value = publishedKey(settings, bundle.origin) ?? '';
    }
    const rpcUrl = rpc.value.trim();
    if (!/^https?:\/\/\S+$/.test(rpcUrl)) {
      say(t('verify.badRpc'));
      return;
    }
    const minConfirmations = Number(confirmations.value);
    let key: NoteVerifier | null = null;
    if (logKey.value.trim() !== '') {
      try {
        key = await NoteVerifier.fromVerifierKey(logKey.value.trim());
      } catch (e) {
        say(t('verify.badKey') + String(e instanceof Error ? e.message : e));
        return;
      }
    }
    rememberRpc(settings, rpcUrl);
    submit.disabled = true;
    result.appendChild(el('p', { class: 'busy' }, t('verify.running')));
    try {
      const verification = await verifyBundle(bundle, {
        rpcUrl,
        minConfirmations: Number.isSafeInteger(minConfirmations) && minConfirmations >= 1 ? minConfirmations : 1,
        logKey: key,
      });
      lastResults.set(slot, { bundle, verification });
      showLast(result, slot, true);
    } finally {
      submit.disabled = false;
    }
  };

  element.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  const loadFile = async (chosen: File | undefined) => {
    if (chosen) {
      text.value = await chosen.text();
      await run();
    }
  };
  file.addEventListener('change', () => void loadFile(file.files?.[0]));
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    void loadFile(event.dataTransfer?.files?.[0]);
  });

  const form: VerifyForm = {
    element,
    verifyText: async (json: string) => {
      text.value = json;
      await run();
    },
  };
  fetchButton.addEventListener('click', () => void fetchAndVerify(url.value.trim(), form));
  showLast(result, slot, false);
  return form;
}

function showLast(result: HTMLElement, slot: string, focus: boolean): void {
  const last = lastResults.get(slot);
  if (!last) {
    return;
  }
  clear(result);
  const section = renderVerification(last.bundle, last.verification);
  result.appendChild(section);
  if (focus) {
    section.querySelector<HTMLElement>('h2')?.focus();
  }
}

/** Fetches a bundle from `address` (with this site's cookies only) and verifies it. */
async function fetchAndVerify(address: string, form: VerifyForm): Promise<void> {
  const message = form.element.querySelector<HTMLElement>('#message');
  const say = (text: string) => {
    if (message) {
      message.textContent = text;
    }
  };
  if (address === '') {
    say(t('verify.empty'));
    return;
  }
  let response: Response;
  try {
    response = await fetch(address, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch (e) {
    say(t('verify.fetchFailed') + String(e instanceof Error ? e.message : e));
    return;
  }
  if (response.status === 401 || response.status === 403) {
    say(t('verify.needsSignIn'));
    return;
  }
  if (!response.ok) {
    say(`${t('verify.fetchFailed')}HTTP ${response.status}`);
    return;
  }
  await form.verifyText(await response.text());
}
