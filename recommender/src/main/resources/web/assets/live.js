// The live panel: games arriving, changing and leaving the catalogue as the service applies them,
// from the server-sent events of /api/changes (which also carry the catalogue size and the model
// in service). The browser reconnects by itself and the server replays what was missed.
import { h, fill, fmt } from './dom.js';
import { gamePath } from './api.js';
import { renderStats } from './side.js';

const MAX_ITEMS = 8;
const KIND_TEXT = { NEW: 'New', CHANGED: 'Changed', DELETED: 'Removed' };
const items = []; // newest first: {seq, kind, id, name, at}
let source = null;

function ago(at) {
  const s = Math.max(0, Math.round((Date.now() - at) / 1000));
  if (s < 5) return 'just now';
  if (s < 60) return s + ' s ago';
  const m = Math.round(s / 60);
  return m < 60 ? m + ' min ago' : Math.round(m / 60) + ' h ago';
}

function render(state) {
  const panel = document.getElementById('live');
  panel.hidden = false;
  const body = document.getElementById('live-body');
  fill(body,
    state && h('p', { class: 'live-state', text: state }),
    items.length === 0
      ? h('p', { class: 'empty', text: 'Nothing new yet: games appear here as they arrive.' })
      : h('ul', { class: 'live-list' }, items.map((c) => h('li', { class: 'live-item', data: { kind: c.kind, id: String(c.id), seq: String(c.seq) } },
        h('span', { class: 'live-kind kind-' + c.kind.toLowerCase(), text: KIND_TEXT[c.kind] || c.kind }), ' ',
        c.kind === 'DELETED'
          ? h('span', { class: 'live-name', text: c.name || 'Game ' + c.id, dir: 'auto' })
          : h('a', { class: 'live-name', href: gamePath(c.id), text: c.name || 'Game ' + c.id, dir: 'auto' }),
        h('span', { class: 'live-when', text: ' · ' + ago(c.at) })))),
    items.length > 0 && h('p', { class: 'live-note', text: fmt(items[0].games) + ' games now' }));
}

function onChange(e) {
  let c;
  try {
    c = JSON.parse(e.data);
  } catch (err) {
    return;
  }
  if (items.some((i) => i.seq === c.seq)) return; // replayed after a reconnect
  items.unshift(c);
  items.sort((a, b) => b.seq - a.seq);
  items.length = Math.min(items.length, MAX_ITEMS);
  render();
  window.dispatchEvent(new CustomEvent('game-change', { detail: c }));
}

export function startLive() {
  if (!('EventSource' in window) || source) return false;
  source = new EventSource('/api/changes');
  source.addEventListener('change', onChange);
  source.addEventListener('stats', (e) => {
    try { renderStats(JSON.parse(e.data)); } catch (err) { /* a malformed event changes nothing */ }
  });
  source.addEventListener('open', () => render());
  source.addEventListener('error', () => {
    if (source.readyState !== EventSource.CLOSED) render('Reconnecting…');
  });
  setInterval(() => { if (items.length > 0 && !document.hidden) render(); }, 10000);
  return true;
}
