// "Verify a sealed PDF": the seal service checks the signatures (public, no sign-in) and answers
// each sealing's log record; this browser then verifies that record's proof bundle itself.

import { NoteVerifier, parseBundle, verifyBundle } from '../verify/index';
import { clear, el, pairs } from './dom';
import { t } from './i18n';
import { renderVerification } from './result';
import { preferredRpc, publishedKey, type PortalSettings } from './settings';

interface Finding {
  check: string;
  outcome: string;
  expected: string;
  actual: string;
}

interface SignatureView {
  verdict: string;
  signer: string | null;
  signingTime: string | null;
  sealId: string | null;
  findings: Finding[];
  logRecord: { status: string; sealingId: string | null; proof: unknown } | null;
}

interface SealVerification {
  verdict: string;
  kind: string;
  signatures: SignatureView[];
}

/** Where the seal service verifies documents, through the gateway. */
const VERIFICATIONS = '/api/seal/verifications';

/** The sealed-PDF page. */
export function pdfView(settings: PortalSettings): HTMLElement {
  const message = el('div', { id: 'pdf-message', class: 'message', role: 'alert' });
  const output = el('div', { id: 'pdf-result', 'aria-live': 'polite' });
  const file = el('input', { type: 'file', id: 'pdf-file', accept: 'application/pdf,.pdf' });
  const submit = el('button', { type: 'submit', id: 'pdf-verify' }, t('pdf.submit'));
  const form = el(
    'form',
    { id: 'pdf-form', novalidate: true },
    el('label', { for: 'pdf-file' }, t('pdf.file')),
    file,
    submit,
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) {
      message.textContent = t('pdf.empty');
      return;
    }
    message.textContent = '';
    submit.disabled = true;
    void verifyPdf(settings, chosen, output, message).finally(() => {
      submit.disabled = false;
    });
  });
  return el(
    'section',
    { 'aria-labelledby': 'pdf-heading' },
    el('h2', { id: 'pdf-heading' }, t('pdf.heading')),
    el('p', {}, t('pdf.intro')),
    form,
    output,
  );
}

async function verifyPdf(
  settings: PortalSettings,
  pdf: File,
  output: HTMLElement,
  message: HTMLElement,
): Promise<void> {
  clear(output);
  output.appendChild(el('p', { class: 'busy' }, t('verify.running')));
  const body = new FormData();
  body.append('document', pdf, pdf.name);
  let response: Response;
  try {
    response = await fetch(VERIFICATIONS, { method: 'POST', body, credentials: 'omit' });
  } catch (e) {
    clear(output);
    message.textContent = t('pdf.failed') + String(e instanceof Error ? e.message : e);
    return;
  }
  if (!response.ok) {
    clear(output);
    message.textContent = t('pdf.failed') + (await problemText(response));
    return;
  }
  const answer = (await response.json()) as SealVerification;
  clear(output);
  const heading = el('h2', { tabindex: '-1', id: 'pdf-result-heading' }, t('pdf.result'));
  output.appendChild(heading);
  output.appendChild(
    el(
      'div',
      {
        id: 'pdf-verdict',
        class: `verdict verdict-${answer.verdict === 'SIGNATURE_VALID' ? 'valid' : 'failed'}`,
        'data-verdict': answer.verdict,
        role: 'status',
      },
      el('strong', { class: 'verdict-name' }, answer.verdict),
      ' ',
      el('span', {}, t('pdf.byService')),
    ),
  );
  heading.focus();
  for (const [index, signature] of answer.signatures.entries()) {
    output.appendChild(await renderSignature(settings, signature, index));
  }
}

async function renderSignature(
  settings: PortalSettings,
  signature: SignatureView,
  index: number,
): Promise<HTMLElement> {
  const findings = el(
    'table',
    { class: 'findings' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, t('pdf.check')),
        el('th', { scope: 'col' }, t('pdf.outcome')),
        el('th', { scope: 'col' }, t('pdf.expected')),
        el('th', { scope: 'col' }, t('pdf.actual')),
      ),
    ),
  );
  const rows = el('tbody');
  for (const finding of signature.findings) {
    rows.appendChild(
      el(
        'tr',
        { class: `outcome-${finding.outcome.toLowerCase()}` },
        el('td', {}, finding.check),
        el('td', {}, finding.outcome),
        el('td', {}, finding.expected),
        el('td', {}, finding.actual),
      ),
    );
  }
  findings.appendChild(rows);
  const record = signature.logRecord;
  const section = el(
    'section',
    { class: 'signature', 'data-signature': String(index) },
    el('h3', {}, `${t('pdf.signature')} ${index + 1}: `, el('code', {}, signature.verdict)),
    pairs([
      [t('pdf.signer'), signature.signer ?? '—'],
      [t('pdf.signingTime'), signature.signingTime ?? '—'],
      [t('pdf.sealId'), signature.sealId ?? '—'],
      [t('pdf.logStatus'), record?.status ?? '—'],
      [t('pdf.sealingId'), record?.sealingId ?? '—'],
    ]),
    findings,
  );
  if (record?.status === 'ANCHORED' && record.proof) {
    const json = JSON.stringify(record.proof, null, 2);
    const bundle = parseBundle(json);
    const key = publishedKey(settings, bundle.origin);
    const verification = await verifyBundle(bundle, {
      rpcUrl: preferredRpc(settings),
      minConfirmations: settings.chain.minConfirmations,
      logKey: key ? await NoteVerifier.fromVerifierKey(key) : null,
    });
    section.appendChild(el('h4', {}, t('pdf.proof')));
    section.appendChild(renderVerification(bundle, verification, `signature-${index}-`));
    const download = el(
      'a',
      {
        href: URL.createObjectURL(new Blob([json], { type: 'application/json' })),
        download: `sealing-${record.sealingId ?? index}.proof.json`,
      },
      t('pdf.downloadBundle'),
    );
    section.appendChild(el('p', {}, download));
  } else {
    section.appendChild(el('p', { class: 'hint' }, t('pdf.noProof')));
  }
  return section;
}

/** A problem+json answer's title and detail, or the HTTP status. */
async function problemText(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { title?: string; detail?: string };
    return [problem.title, problem.detail].filter(Boolean).join(': ') || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}
