// Shows a verification: the verdict (the same names as BundleVerifier and govchain-verify), every
// step with its inputs and outcome, and the record the bundle carries.

import { parseEnvelope, type ProofBundle, type Step, type Verification } from '../verify/index';
import { append, el, pairs } from './dom';
import { has, t } from './i18n';

/**
 * The result section for `verification` of `bundle`; `idPrefix` keeps element ids unique when a
 * page shows several.
 */
export function renderVerification(
  bundle: ProofBundle,
  verification: Verification,
  idPrefix = '',
): HTMLElement {
  const heading = el('h2', { tabindex: '-1', id: `${idPrefix}result-heading` }, t('result.heading'));
  const verdictKey = `verdict.${verification.verdict}`;
  const verdict = el(
    'div',
    {
      id: `${idPrefix}verdict`,
      class: `verdict verdict-${verification.verdict === 'VALID' ? 'valid' : 'failed'}`,
      'data-verdict': verification.verdict,
      role: 'status',
    },
    el('strong', { class: 'verdict-name' }, verification.verdict),
    ' ',
    el('span', {}, has(verdictKey) ? t(verdictKey) : ''),
  );
  const steps = el('ol', { class: 'steps', id: `${idPrefix}steps` });
  for (const step of verification.steps) {
    steps.appendChild(renderStep(step));
  }
  const section = el(
    'section',
    { id: `${idPrefix}result`, class: 'result', 'aria-labelledby': `${idPrefix}result-heading` },
    heading,
    verdict,
    verification.confirmations >= 0
      ? el('p', {}, `${t('result.confirmations')}: `, el('code', {}, String(verification.confirmations)))
      : null,
    el('h3', {}, t('result.steps')),
    steps,
  );
  const record = renderRecord(bundle, verification, idPrefix);
  if (record) {
    section.appendChild(record);
  }
  return section;
}

function renderStep(step: Step): HTMLElement {
  const titleKey = `step.${step.id}`;
  const item = el(
    'li',
    { class: step.ok ? 'step ok' : 'step failed', 'data-step': step.id, 'data-ok': String(step.ok) },
    el('span', { class: 'mark', 'aria-hidden': 'true' }, step.ok ? '✓' : '✗'),
    el('strong', {}, has(titleKey) ? t(titleKey) : step.id),
    ' ',
    el('span', { class: 'outcome' }, `(${step.ok ? t('result.ok') : t('result.failed')})`),
    el('p', { class: 'reason' }, el('code', {}, `${step.ok ? 'ok' : 'FAILED'}: ${step.reason}`)),
  );
  if (step.inputs.length > 0) {
    append(
      item,
      el('details', {}, el('summary', {}, t('result.inputs')), pairs(step.inputs)),
    );
  }
  return item;
}

/** The decoded envelope, when the leaf is one (a tampered leaf shows nothing as a record). */
function renderRecord(
  bundle: ProofBundle,
  verification: Verification,
  idPrefix: string,
): HTMLElement | null {
  const envelopeOk = verification.steps.some((s) => s.id === 'envelope' && s.ok);
  if (!envelopeOk) {
    return null;
  }
  let envelope;
  try {
    envelope = parseEnvelope(bundle.leafData);
  } catch {
    return null;
  }
  return el(
    'section',
    { id: `${idPrefix}record`, class: 'record', 'aria-labelledby': `${idPrefix}record-heading` },
    el('h3', { id: `${idPrefix}record-heading` }, t('record.heading')),
    pairs([
      [t('record.type'), envelope.type],
      [t('record.subject'), envelope.subject],
      [t('record.version'), String(envelope.version)],
      [t('record.time'), envelope.time],
      [t('record.log'), envelope.log],
      [t('record.leafIndex'), String(bundle.leafIndex)],
      [t('record.treeSize'), String(bundle.treeSize)],
    ]),
    el('h4', {}, t('record.data')),
    el(
      'pre',
      { class: 'record-data', id: `${idPrefix}record-data` },
      JSON.stringify(envelope.data, null, 2),
    ),
  );
}
