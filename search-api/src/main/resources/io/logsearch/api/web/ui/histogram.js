import {count, el, intervalMillis, time} from './format.js';

const SVG = 'http://www.w3.org/2000/svg';
const HEIGHT = 150;
const PAD = {left: 48, right: 8, top: 10, bottom: 22};

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

const TICK_STEPS = [60e3, 5 * 60e3, 15 * 60e3, 36e5, 3 * 36e5, 6 * 36e5, 12 * 36e5, 864e5, 2 * 864e5, 7 * 864e5,
  30 * 864e5, 91 * 864e5, 365 * 864e5, 3650 * 864e5, 36500 * 864e5];

/** Tick instants on whole UTC minutes, hours or days, at most {@code n} of them, with their labels. */
function ticks(from, to, n) {
  const step = TICK_STEPS.find(s => (to - from) / s <= n) || TICK_STEPS[TICK_STEPS.length - 1];
  const out = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) {
    const iso = time(new Date(t).toISOString());
    const label = step >= 864e5 ? iso.slice(0, 10) : iso.endsWith('00:00:00.000') ? iso.slice(5, 16) : iso.slice(11, 16);
    out.push([t, label]);
  }
  return out;
}

/**
 * Events per bucket as stacked bars (failure, success, neither), on a time axis. Dragging across
 * it calls {@code onRange(startIso, endIso)} with the span dragged; a click, the bucket's span.
 */
export function renderHistogram(figure, histogram, onRange) {
  figure.replaceChildren();
  if (!histogram.startDate || histogram.buckets.length === 0) return;
  const step = intervalMillis(histogram.interval);
  const from = Math.min(Date.parse(histogram.startDate), Date.parse(histogram.buckets[0].start));
  const to = Math.max(Date.parse(histogram.endDate),
      Date.parse(histogram.buckets[histogram.buckets.length - 1].start) + step);
  const width = Math.max(figure.clientWidth, 320);
  const plot = {x: PAD.left, y: PAD.top, w: width - PAD.left - PAD.right, h: HEIGHT - PAD.top - PAD.bottom};
  const max = Math.max(1, ...histogram.buckets.map(b => b.count));
  const x = t => plot.x + (t - from) / (to - from) * plot.w;
  const tAt = px => from + (Math.min(Math.max(px, plot.x), plot.x + plot.w) - plot.x) / plot.w * (to - from);
  const y = n => plot.y + plot.h - n / max * plot.h;

  const chart = svg('svg', {width, height: HEIGHT, class: 'chart', role: 'img',
    'aria-label': 'Histogram, ' + histogram.interval + ' buckets: drag across it to narrow the time range'});
  for (const n of [0, max / 2, max]) {
    chart.append(svg('line', {x1: plot.x, x2: plot.x + plot.w, y1: y(n), y2: y(n), class: 'grid'}),
      svg('text', {x: plot.x - 6, y: y(n) + 4, class: 'axis', 'text-anchor': 'end'}, count(Math.round(n))));
  }
  for (const [t, label] of ticks(from, to, Math.max(2, Math.floor(plot.w / 110)))) {
    chart.append(svg('line', {x1: x(t), x2: x(t), y1: plot.y + plot.h, y2: plot.y + plot.h + 4, class: 'grid'}),
      svg('text', {x: x(t), y: HEIGHT - 6, class: 'axis', 'text-anchor': 'middle'}, label));
  }
  const bars = svg('g', {class: 'bars'});
  for (const b of histogram.buckets) {
    const start = Date.parse(b.start);
    const left = x(Math.max(start, from));
    const w = Math.max(1, x(start + step) - left - (plot.w / histogram.buckets.length > 4 ? 1 : 0));
    const other = b.count - b.success - b.failure;
    const title = svg('title', {}, `${time(b.start)} +${histogram.interval}: ${count(b.count)} events`
        + ` (${count(b.success)} success, ${count(b.failure)} failure${other ? ', ' + count(other) + ' unknown' : ''})`);
    const g = svg('g', {class: 'bucket', 'data-start': b.start, 'data-count': b.count}, title);
    let base = 0;
    for (const [n, cls] of [[b.failure, 'failure'], [b.success, 'success'], [other, 'other']]) {
      if (n > 0) g.append(svg('rect', {x: left, width: w, y: y(base + n), height: y(base) - y(base + n), class: cls}));
      base += n;
    }
    bars.append(g);
  }
  const brush = svg('rect', {class: 'brush', x: 0, y: plot.y, width: 0, height: plot.h, visibility: 'hidden'});
  chart.append(bars, brush);

  let anchor = null;
  const px = event => event.clientX - chart.getBoundingClientRect().left;
  chart.addEventListener('pointerdown', event => {
    anchor = px(event);
    chart.setPointerCapture(event.pointerId);
    brush.setAttribute('visibility', 'visible');
    brush.setAttribute('x', anchor);
    brush.setAttribute('width', 0);
  });
  chart.addEventListener('pointermove', event => {
    if (anchor === null) return;
    const now = px(event);
    brush.setAttribute('x', Math.min(anchor, now));
    brush.setAttribute('width', Math.abs(now - anchor));
  });
  chart.addEventListener('pointerup', event => {
    if (anchor === null) return;
    const now = px(event);
    const [a, b] = [Math.min(anchor, now), Math.max(anchor, now)];
    anchor = null;
    if (b - a >= 4) {
      onRange(new Date(tAt(a)).toISOString(), new Date(tAt(b)).toISOString());
      return;
    }
    brush.setAttribute('visibility', 'hidden');
    const bucket = event.target.closest && event.target.closest('.bucket');
    if (bucket) {
      const start = Date.parse(bucket.dataset.start);
      onRange(new Date(start).toISOString(), new Date(start + step - 1).toISOString());
    }
  });
  figure.append(chart, el('div', {class: 'legend'},
    el('span', {class: 'key failure', text: 'failure'}), el('span', {class: 'key success', text: 'success'}),
    el('span', {class: 'key other', text: 'unknown'}),
    el('span', {class: 'note', text: histogram.interval + ' per bar · drag to zoom, click a bar for its span'})));
}
