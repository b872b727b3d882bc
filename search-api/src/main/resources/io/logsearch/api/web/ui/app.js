import * as api from './api.js';
import {count, el, time} from './format.js';
import {renderHistogram} from './histogram.js';
import * as query from './query.js';
import {ResultsTable, renderDetail} from './results.js';
import {TOP_FIELDS, renderSidebar} from './sidebar.js';

const PAGE = 250;
const $ = id => document.getElementById(id);
const windowSelect = $('window');
const rangeInputs = [$('startDate'), $('endDate')];
let rangeEdited = false;
let search = query.current();
let running = null;
let next = null;
let lastHistogram = null;

const table = new ResultsTable($('rows'), addFilter, openEvent);

function excludeValue(name, value) {
  go(query.excluding(search, name, value));
}

function go(nextSearch) {
  query.navigate(nextSearch);
}

function addFilter(name, value) {
  go(query.withFilter(search, name, value));
}

// --- controls <-> search ---

function isoToLocal(iso) {
  return iso ? iso.replace(/Z$/, '').replace(/\.\d+$/, '').slice(0, 19) : '';
}

function localToIso(local) {
  return local ? (local.length === 16 ? local + ':00' : local) + 'Z' : '';
}

function showControls() {
  $('q').value = search.get('q') || '';
  const absolute = search.has('startDate') || search.has('endDate');
  const window = search.get('window');
  if (absolute) windowSelect.value = 'range';
  else if (!window) windowSelect.value = 'all';
  else {
    if (![...windowSelect.options].some(o => o.value === window)) {
      windowSelect.add(new Option('Last ' + window, window), windowSelect.options[windowSelect.options.length - 2]);
    }
    windowSelect.value = window;
  }
  $('range').hidden = !absolute;
  $('startDate').value = isoToLocal(search.get('startDate'));
  $('endDate').value = isoToLocal(search.get('endDate'));
  rangeEdited = false;
  const chips = $('chips');
  chips.replaceChildren();
  for (const [name, value] of search) {
    if (!query.CHIPS.includes(name)) continue;
    const excluded = name === 'exclude' ? value.split(/:(.*)/s) : null;
    const label = excluded ? 'not ' + (query.LABELS[excluded[0]] || excluded[0]) : query.LABELS[name];
    const shown = excluded ? excluded[1] : name === 'success' ? (value === 'true' ? 'success' : value === 'false' ? 'failure' : value) : value;
    chips.append(el('li', {class: excluded ? 'chip not' : 'chip'}, el('span', {class: 'k', text: label}), el('span', {text: shown}),
      el('button', {type: 'button', class: 'x', title: `remove ${label} = ${shown}`, 'aria-label': `remove filter ${label} ${shown}`,
        onclick: () => go(query.withoutFilter(search, name, value))}, '✕')));
  }
  const filters = query.api(search).slice(1);
  for (const format of ['csv', 'ndjson']) {
    const link = $('export-' + format);
    link.href = api.prefix + '/v1/events/export?format=' + format + (filters ? '&' + filters : '');
    link.download = 'events.' + format;
  }
}

$('search').addEventListener('submit', e => {
  e.preventDefault();
  let nextSearch = new URLSearchParams(search);
  nextSearch.delete('q');
  const text = $('q').value.trim();
  if (text) nextSearch.set('q', text);
  if (windowSelect.value === 'range') {
    if (rangeEdited) nextSearch = query.withRange(nextSearch, localToIso($('startDate').value), localToIso($('endDate').value));
  } else {
    nextSearch = query.withWindow(nextSearch, windowSelect.value === 'all' ? null : windowSelect.value);
  }
  go(nextSearch);
});
windowSelect.addEventListener('change', () => {
  if (windowSelect.value === 'range') {
    $('range').hidden = false;
    $('startDate').focus();
  } else {
    $('search').requestSubmit();
  }
});
rangeInputs.forEach(input => input.addEventListener('input', () => { rangeEdited = true; }));

$('add-filter').addEventListener('submit', e => {
  e.preventDefault();
  const name = $('filter-field').value;
  let value = $('filter-value').value.trim();
  if (!value) return;
  if (name === 'success') value = /^(true|success|ok|yes)$/i.test(value) ? 'true' : /^(false|failure|fail|no)$/i.test(value) ? 'false' : value;
  $('filter-value').value = '';
  addFilter(name, value);
});
$('filter-field').addEventListener('change', suggest);

function suggest() {
  const list = $('filter-suggestions');
  const field = $('filter-field').value;
  list.replaceChildren();
  if (field === 'success') {
    list.append(new Option('success', 'true'), new Option('failure', 'false'));
    return;
  }
  $('sidebar').querySelectorAll(`section[data-field="${field}"] button.top`)
    .forEach(b => list.append(new Option(b.dataset.value)));
}

// --- token, theme, keys ---

function showToken() {
  $('token-state').textContent = api.hasToken() ? 'token set' : 'no token';
}

function toggleToken(open) {
  $('token-form').hidden = !open;
  $('token-toggle').setAttribute('aria-expanded', String(open));
  if (open) $('token').focus();
}

$('token-toggle').addEventListener('click', () => toggleToken($('token-form').hidden));
$('token-form').addEventListener('submit', e => {
  e.preventDefault();
  const token = $('token').value.trim();
  if (token) api.useToken(token);
  $('token').value = '';
  toggleToken(false);
  showToken();
  run();
});
$('forget').addEventListener('click', () => {
  api.forgetToken();
  showToken();
  run();
});
$('theme').addEventListener('click', () => {
  const theme = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
  document.documentElement.dataset.theme = theme;
  localStorage.setItem('logsearch.theme', theme);
});
document.addEventListener('keydown', e => {
  const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName);
  if (e.key === '/' && !typing) {
    e.preventDefault();
    $('q').focus();
  } else if (e.key === 'Escape' && !$('detail').hidden) {
    closeEvent();
  }
});
for (const format of ['csv', 'ndjson']) {
  $('export-' + format).addEventListener('click', e => {
    if (!api.hasToken()) return; // the plain link streams the download
    e.preventDefault();
    const link = e.currentTarget;
    api.download(link.href.slice(link.href.indexOf(api.prefix + '/v1/') + api.prefix.length), link.download).catch(showProblem);
  });
}

// --- states ---

function state(kind, text) {
  const box = $('state');
  document.body.classList.toggle('failed', kind === 'error');
  box.className = 'state ' + kind;
  box.textContent = text;
  document.body.classList.toggle('loading', kind === 'loading');
}

function showProblem(error) {
  const box = $('problem');
  if (!error) {
    box.hidden = true;
    return;
  }
  const problem = error.problem || {};
  const title = error.status === 401 ? 'This server needs a bearer token'
    : error.status === 403 ? 'Not allowed' : problem.title || 'Something went wrong';
  const fields = problem.errors || [];
  box.replaceChildren(el('strong', {text: title + (fields.length ? '' : ': ')}), fields.length ? '' : el('span', {text: error.message}));
  if (fields.length) box.append(el('ul', {}, ...fields.map(f => el('li', {}, el('code', {text: f.field}), ' ' + f.message))));
  if (error.status === 401) {
    box.append(' ', el('button', {type: 'button', class: 'primary', onclick: () => toggleToken(true), text: 'Enter token'}));
    toggleToken(true);
  }
  box.hidden = false;
}

// --- searching ---

let totalText = '';

function showTotal(page) {
  const n = page.total.relation === 'eq' ? count(page.total.value) : 'more than ' + count(page.total.value);
  totalText = n;
  $('total').textContent = n + (page.total.value === 1 ? ' event' : ' events');
  $('span').textContent = page.startDate ? ` · ${time(page.startDate)} → ${time(page.endDate)} UTC` : ' · all time';
}

function showMore(page) {
  next = page._links.next ? page._links.next.href : null;
  $('more').hidden = !next;
  $('shown').textContent = table.size ? `showing ${count(table.size)} of ${totalText}` : '';
}

async function run() {
  search = query.current();
  showControls();
  showToken();
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const signal = controller.signal;
  table.clear();
  closeEvent();
  showProblem(null);
  $('more').hidden = true;
  $('shown').textContent = '';
  $('total').textContent = 'Searching…';
  $('span').textContent = '';
  $('histogram').classList.add('pending');
  state('loading', 'Searching…');
  const topCalls = TOP_FIELDS.map(field => api.get('/v1/events/top' + query.api(search, {field, size: 6}), signal)
    .catch(error => (error.name === 'AbortError' ? Promise.reject(error) : error)));
  try {
    const [page, histogram, ...tops] = await Promise.all([
      api.get('/v1/events' + query.api(search, {size: PAGE}), signal),
      api.get('/v1/events/histogram' + query.api(search), signal),
      ...topCalls]);
    table.append(page.events);
    showTotal(page);
    showMore(page);
    lastHistogram = histogram;
    drawHistogram();
    const outcomes = histogram.buckets.reduce((sum, b) => ({success: sum.success + b.success, failure: sum.failure + b.failure}),
      {success: 0, failure: 0});
    renderSidebar($('sidebar'), outcomes, Object.fromEntries(TOP_FIELDS.map((f, i) => [f, tops[i]])), search,
      (name, value, on) => go(on ? query.withoutFilter(search, name, value) : query.withFilter(search, name, value)), excludeValue);
    suggest();
    if (page.events.length === 0) {
      state('empty', 'No events match this search. Widen the time range, or remove a filter.');
    } else {
      state('done', '');
    }
  } catch (error) {
    if (error.name === 'AbortError') return;
    $('total').textContent = '';
    $('histogram').replaceChildren();
    $('sidebar').replaceChildren();
    state('error', 'The search failed; see the message above.');
    showProblem(error);
  } finally {
    $('histogram').classList.remove('pending');
  }
}

function drawHistogram() {
  if (lastHistogram) renderHistogram($('histogram'), lastHistogram, (start, end) => go(query.withRange(search, start, end)));
}

$('more').addEventListener('click', async () => {
  const button = $('more');
  const signal = running.signal;
  button.disabled = true;
  button.textContent = 'Loading…';
  try {
    const page = await api.follow(next, signal);
    table.append(page.events);
    showMore(page);
  } catch (error) {
    if (error.name !== 'AbortError') showProblem(error);
  } finally {
    button.disabled = false;
    button.textContent = 'Load more';
  }
});

// --- the event panel ---

async function openEvent(event) {
  const panel = $('detail');
  panel.hidden = false;
  document.body.classList.add('with-detail');
  $('detail-title').textContent = (event.event && event.event.action) || 'Event';
  renderDetail($('detail-body'), event, undefined, addFilter, excludeValue);
  $('detail-body').prepend(el('p', {class: 'note', text: 'loading event.original…'}));
  panel.focus({preventScroll: true});
  // the same filters, at this event's instant only, with the original record
  const at = new URLSearchParams(search);
  for (const name of ['window', 'startDate', 'endDate']) at.delete(name);
  const moment = event['@timestamp'];
  try {
    const page = await api.get('/v1/events' + query.api(query.withRange(at, moment, moment), {size: 1000, includeOriginal: true}));
    const full = page.events.find(e => e.event && event.event && e.event.id === event.event.id) || event;
    if (!panel.hidden && table.events.includes(event)) renderDetail($('detail-body'), full, full.event && full.event.original, addFilter, excludeValue);
  } catch (error) {
    showProblem(error);
  }
}

function closeEvent() {
  $('detail').hidden = true;
  document.body.classList.remove('with-detail');
  const selected = $('rows').querySelector('tr.selected');
  if (selected) {
    selected.classList.remove('selected');
    selected.focus();
  }
}

$('detail-close').addEventListener('click', closeEvent);
addEventListener('popstate', run);
addEventListener('search', run);
// the chart is drawn to its box's width: again when the box changes (window, event panel)
let drawnWidth = 0;
new ResizeObserver(([entry]) => {
  const width = Math.round(entry.contentRect.width);
  if (width !== drawnWidth) {
    drawnWidth = width;
    drawHistogram();
  }
}).observe($('histogram'));
run();
