import {count, el} from './format.js';
import {EXCLUDABLE, LABELS} from './query.js';

/** The fields {@code /v1/events/top} answers for, in the sidebar's order. */
export const TOP_FIELDS = ['eventType', 'source', 'userId', 'clientIp', 'organizationId', 'appId'];

/**
 * One block per field with its top values as bars; a value is a button that adds it as a filter.
 * Outcome comes from the histogram's success and failure counts. Values of the filters that can
 * be negated also get a button calling {@code onExclude(field, value)}.
 */
export function renderSidebar(aside, outcomes, tops, active, onFilter, onExclude) {
  aside.replaceChildren(el('h2', {class: 'sr', text: 'Top values'}));
  const blocks = [['success', [{value: 'true', label: 'success', count: outcomes.success},
    {value: 'false', label: 'failure', count: outcomes.failure}].filter(b => b.count > 0)]];
  for (const field of TOP_FIELDS) {
    const top = tops[field];
    blocks.push([field, top instanceof Error ? top : top.buckets.map(b => ({value: b.value, label: b.value, count: b.count}))]);
  }
  for (const [field, buckets] of blocks) {
    const section = el('section', {class: 'field', dataset: {field}}, el('h3', {text: LABELS[field]}));
    if (buckets instanceof Error) {
      section.append(el('p', {class: 'note', text: 'unavailable: ' + buckets.message}));
    } else if (buckets.length === 0) {
      section.append(el('p', {class: 'note', text: 'no values'}));
    } else {
      const max = Math.max(...buckets.map(b => b.count));
      const list = el('ol');
      for (const b of buckets) {
        const on = active.getAll(field).includes(b.value);
        list.append(el('li', {},
          el('button', {type: 'button', class: 'top' + (on ? ' on' : ''), 'aria-pressed': String(on),
              title: (on ? 'remove filter ' : 'filter ') + LABELS[field] + ' = ' + b.label,
              dataset: {value: b.value}, onclick: () => onFilter(field, b.value, on)},
            el('span', {class: 'bar', style: `width:${Math.max(2, b.count / max * 100)}%`}),
            el('span', {class: 'label', text: b.label}),
            el('span', {class: 'n', text: count(b.count)})),
          EXCLUDABLE.includes(field) && !on
            ? el('button', {type: 'button', class: 'exclude', title: 'exclude ' + LABELS[field] + ' = ' + b.label,
              'aria-label': 'exclude ' + LABELS[field] + ' ' + b.label, dataset: {value: b.value}, onclick: () => onExclude(field, b.value)}, '−')
            : null));
      }
      section.append(list);
    }
    aside.append(section);
  }
}
