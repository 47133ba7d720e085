// The portal page: three views chosen by the address's fragment (#/verify, #/pdf, #/logs), in
// Chinese or English, drawn from the settings the portal publishes.

import { clear, el } from './dom';
import { lang, setLang, t, type Lang, type MessageKey } from './i18n';
import { logsView } from './logs-view';
import { pdfView } from './pdf-view';
import { loadSettings, type PortalSettings } from './settings';
import { verifyView } from './verify-view';

type Route = 'verify' | 'pdf' | 'logs';

const ROUTES: Array<[Route, MessageKey]> = [
  ['verify', 'nav.verify'],
  ['pdf', 'nav.pdf'],
  ['logs', 'nav.logs'],
];

/** The route and its parameters from `#/route?key=value`. */
function currentRoute(): { route: Route; params: URLSearchParams } {
  const fragment = window.location.hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = fragment.split('?', 2);
  const route = ROUTES.some(([r]) => r === path) ? (path as Route) : 'verify';
  return { route, params: new URLSearchParams(query) };
}

function drawChrome(): void {
  document.documentElement.lang = lang();
  document.title = t('page.title');
  const header = document.getElementById('header');
  if (!header) {
    return;
  }
  clear(header);
  const { route } = currentRoute();
  const nav = el('nav', { 'aria-label': t('nav.label') });
  const links = el('ul');
  for (const [name, key] of ROUTES) {
    links.appendChild(
      el(
        'li',
        {},
        el('a', { href: `#/${name}`, 'aria-current': name === route ? 'page' : undefined }, t(key)),
      ),
    );
  }
  nav.appendChild(links);
  const select = el('select', { id: 'lang' });
  for (const [value, label] of [
    ['zh-CN', '中文'],
    ['en', 'English'],
  ] as const) {
    select.appendChild(el('option', { value, selected: value === lang() }, label));
  }
  select.addEventListener('change', () => {
    setLang(select.value as Lang);
    draw();
    document.getElementById('lang')?.focus();
  });
  header.append(
    el('h1', {}, t('page.title')),
    el('p', { class: 'subtitle' }, t('page.subtitle')),
    nav,
    el('div', { class: 'lang' }, el('label', { for: 'lang' }, t('lang.label')), select),
  );
  const skip = document.getElementById('skip');
  if (skip) {
    skip.textContent = t('skip');
  }
  const footer = document.getElementById('footer');
  if (footer) {
    footer.textContent = t('footer');
  }
}

let settings: PortalSettings | null = null;
let settingsError: string | null = null;

function draw(): void {
  drawChrome();
  const main = document.getElementById('main');
  if (!main) {
    return;
  }
  clear(main);
  if (!settings) {
    main.appendChild(
      el('p', { class: 'message', role: 'alert' }, settingsError ? t('settings.failed') + settingsError : t('loading')),
    );
    return;
  }
  const { route, params } = currentRoute();
  switch (route) {
    case 'pdf':
      main.appendChild(pdfView(settings));
      break;
    case 'logs':
      main.appendChild(logsView(settings));
      break;
    default:
      main.appendChild(verifyView(settings, params));
  }
}

async function start(): Promise<void> {
  setLang(lang());
  draw();
  try {
    settings = await loadSettings();
  } catch (e) {
    settingsError = e instanceof Error ? e.message : String(e);
  }
  draw();
  document.body.dataset.ready = 'true';
  window.addEventListener('hashchange', () => {
    draw();
    document.getElementById('main')?.focus();
  });
}

void start();
