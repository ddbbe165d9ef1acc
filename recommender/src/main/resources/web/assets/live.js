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

/** A change for the panel; one that happened before this page opened is not news to the page. */
function onChange(c, earlier) {
  if (!c || items.some((i) => i.seq === c.seq)) return; // replayed after a reconnect
  items.unshift(c);
  items.sort((a, b) => b.seq - a.seq);
  items.length = Math.min(items.length, MAX_ITEMS);
  render();
  if (!earlier && !c.replay) window.dispatchEvent(new CustomEvent('game-change', { detail: c }));
}

function onMessage(m) {
  if (m.type === 'change') onChange(m.data);
  else if (m.type === 'stats') renderStats(m.data);
  else if (m.type === 'state') render(m.data);
  else if (m.type === 'snapshot') m.data.slice().reverse().forEach((c) => onChange(c, true));
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch (err) {
    return null; // a malformed event changes nothing
  }
}

// One connection per browser, not per tab: a browser opens at most six connections to a server
// over HTTP/1.1, and a stream holds one for as long as the page is open. The tab that holds the
// lock opens the stream and passes its events to the other tabs.
const channel = 'BroadcastChannel' in window ? new BroadcastChannel('gamedata-live') : null;

function publish(m) {
  onMessage(m);
  if (channel) channel.postMessage(m);
}

let leaving = null; // ends this tab's turn as the connected one

function connect() {
  source = new EventSource('/api/changes');
  source.addEventListener('change', (e) => { const c = parse(e.data); if (c) publish({ type: 'change', data: c }); });
  source.addEventListener('stats', (e) => { const s = parse(e.data); if (s) publish({ type: 'stats', data: s }); });
  source.addEventListener('open', () => publish({ type: 'state', data: null }));
  source.addEventListener('error', () => {
    if (source.readyState !== EventSource.CLOSED) publish({ type: 'state', data: 'Reconnecting…' });
  });
  return new Promise((resolve) => {
    leaving = () => { source.close(); source = null; leaving = null; resolve(); };
  });
}

function takeTurn() {
  if (navigator.locks) navigator.locks.request('gamedata-live', connect);
  else connect();
}

export function startLive() {
  if (!('EventSource' in window)) return false;
  render();
  if (channel) {
    channel.addEventListener('message', (e) => {
      if (e.data.type === 'hello') {
        if (source) channel.postMessage({ type: 'snapshot', data: items });
      } else {
        onMessage(e.data);
      }
    });
    channel.postMessage({ type: 'hello' }); // the connected tab answers with what it has seen
  }
  takeTurn();
  // a page kept in the back-forward cache must not hold the connection
  window.addEventListener('pagehide', () => { if (leaving) leaving(); });
  window.addEventListener('pageshow', (e) => { if (e.persisted && !leaving) takeTurn(); });
  setInterval(() => { if (items.length > 0 && !document.hidden) render(); }, 10000);
  return true;
}
