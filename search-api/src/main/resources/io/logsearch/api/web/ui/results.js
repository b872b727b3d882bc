import {at, el, leaves, time} from './format.js';
import {EXCLUDABLE} from './query.js';

/** Document fields that are a filter of the API, and how a value becomes the filter's value. */
export const FILTER_OF_FIELD = {
  'event.action': ['eventType', v => v],
  'event.outcome': ['success', v => (v === 'success' ? 'true' : v === 'failure' ? 'false' : null)],
  'event.provider': ['source', v => v],
  'event.category': ['category', v => v],
  'user.id': ['userId', v => v],
  'organization.id': ['organizationId', v => v],
  'http.request.id': ['requestId', v => v],
  'client.ip': ['clientIp', v => v],
};

/** A value that, clicked, filters on itself; a plain text node when the field is no filter. */
function valueLink(field, value, label = value) {
  const filter = FILTER_OF_FIELD[field];
  const text = label === undefined || label === null ? '' : String(label);
  if (!filter || value === undefined || value === null || value === '') return document.createTextNode(text);
  const filterValue = filter[1](String(value));
  if (filterValue === null) return document.createTextNode(text);
  return el('button', {type: 'button', class: 'v', title: `filter: ${filter[0]} = ${filterValue}`,
    dataset: {filter: filter[0], value: filterValue}, text});
}

function outcome(value) {
  const cell = valueLink('event.outcome', value);
  const badge = el('span', {class: 'badge ' + (value || 'unknown')});
  badge.append(cell.nodeType === Node.TEXT_NODE && !value ? document.createTextNode('—') : cell);
  return badge;
}

function row(event, index) {
  const user = event.user || {};
  const who = user.full_name || user.name || user.email || user.id;
  return el('tr', {tabindex: 0, dataset: {index}, class: event.event && event.event.outcome === 'failure' ? 'failed' : null},
    el('td', {class: 'c-time', text: time(event['@timestamp'])}),
    el('td', {}, valueLink('event.provider', at(event, 'event.provider'))),
    el('td', {}, valueLink('event.action', at(event, 'event.action'))),
    el('td', {}, outcome(at(event, 'event.outcome'))),
    el('td', {}, user.id ? valueLink('user.id', user.id, who) : document.createTextNode(who || '')),
    el('td', {class: 'mono'}, valueLink('client.ip', at(event, 'client.ip') || at(event, 'client.ip_range'))),
    el('td', {}, valueLink('organization.id', at(event, 'organization.id'))),
    el('td', {class: 'c-msg', title: event.message || '', text: event.message || ''}));
}

/**
 * The results table: pages are appended as they arrive (one fragment per page), never re-rendered.
 * {@code onFilter(name, value)} runs for a clicked value, {@code onOpen(event)} for a row opened
 * by click or Enter.
 */
export class ResultsTable {
  constructor(tbody, onFilter, onOpen) {
    this.tbody = tbody;
    this.events = [];
    tbody.addEventListener('click', e => {
      const link = e.target.closest('button.v');
      if (link) {
        onFilter(link.dataset.filter, link.dataset.value);
        return;
      }
      const tr = e.target.closest('tr');
      if (tr) this.open(tr, onOpen);
    });
    tbody.addEventListener('keydown', e => {
      const tr = e.target.closest('tr');
      if (!tr || e.target !== tr) return;
      if (e.key === 'Enter') this.open(tr, onOpen);
      else if (e.key === 'ArrowDown' || e.key === 'j') { tr.nextElementSibling?.focus(); e.preventDefault(); }
      else if (e.key === 'ArrowUp' || e.key === 'k') { tr.previousElementSibling?.focus(); e.preventDefault(); }
    });
  }

  open(tr, onOpen) {
    this.tbody.querySelector('tr.selected')?.classList.remove('selected');
    tr.classList.add('selected');
    onOpen(this.events[Number(tr.dataset.index)]);
  }

  clear() {
    this.events = [];
    this.tbody.replaceChildren();
  }

  append(events) {
    const fragment = document.createDocumentFragment();
    for (const event of events) fragment.append(row(event, this.events.push(event) - 1));
    this.tbody.append(fragment);
  }

  get size() {
    return this.events.length;
  }
}

function pretty(original) {
  try {
    return JSON.stringify(JSON.parse(original), null, 2);
  } catch (notJson) {
    return original;
  }
}

/** The side panel with one event's every field, its values linking to filters (or to excluding them), and its original record. */
export function renderDetail(body, event, original, onFilter, onExclude) {
  const table = el('table', {class: 'fields'});
  for (const [field, value] of leaves(event)) {
    if (field === 'event.original') continue;
    const values = Array.isArray(value) ? value : [value];
    const cell = el('td', {class: 'mono'});
    values.forEach((v, i) => {
      if (i > 0) cell.append(', ');
      const link = valueLink(field, v, v === null ? 'null' : String(v));
      cell.append(link);
      if (link.dataset && EXCLUDABLE.includes(link.dataset.filter)) {
        cell.append(el('button', {type: 'button', class: 'exclude', title: `exclude ${link.dataset.filter} = ${link.dataset.value}`,
          dataset: {filter: link.dataset.filter, value: link.dataset.value}}, '−'));
      }
    });
    table.append(el('tr', {}, el('th', {text: field}), cell));
  }
  body.replaceChildren(table);
  body.append(el('h3', {text: 'event.original'}));
  body.append(original === undefined
    ? el('p', {class: 'note', text: 'not stored for this event'})
    : el('pre', {class: 'original', text: pretty(original)}));
  body.onclick = e => {
    const link = e.target.closest('button.v, button.exclude');
    if (link) (link.classList.contains('exclude') ? onExclude : onFilter)(link.dataset.filter, link.dataset.value);
  };
}
