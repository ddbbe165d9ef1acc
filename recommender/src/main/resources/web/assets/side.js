// The side panel (your taste) and the footer's catalogue line.
import { h, fill, fmt } from './dom.js';
import { api, gamePath } from './api.js';
import { taste } from './taste.js';

function tasteList(label, games, opinion) {
  return h('div', { class: 'taste-group' },
    h('h3', { text: label + ' (' + games.length + ')' }),
    games.length === 0
      ? h('p', { class: 'empty', text: opinion === 'liked' ? 'Nothing liked yet.' : 'Nothing marked yet.' })
      : h('ul', { class: 'taste-list', data: { opinion } }, games.slice().reverse().map((g) => h('li', { data: { id: String(g.id) } },
        h('a', { href: gamePath(g.id), text: g.name, dir: 'auto' }),
        h('button', {
          type: 'button', class: 'remove', text: '×',
          attrs: { 'aria-label': 'Remove ' + g.name + ' from ' + label.toLowerCase() },
          on: { click: () => taste.set(g, null) },
        })))));
}

export function renderTaste() {
  const body = document.getElementById('taste-body');
  fill(body,
    tasteList('Liked', taste.liked, 'liked'),
    tasteList('Not for me', taste.disliked, 'disliked'),
    taste.liked.length > 0 && h('p', {}, h('a', { href: '#/recommendations', class: 'button-link', text: 'See recommendations' })));
  const n = taste.liked.length;
  document.getElementById('taste-count').textContent = n > 0 ? '(' + n + ' liked)' : '';
}

/** Catalogue size and what ranks the lists (the learned model's version once one serves). */
export function renderStats(s) {
  const ranking = s.model_version !== undefined && s.model_version !== null
    ? 'ranked by the learned model v' + s.model_version
    : 'ranked by hand-weighted similarity';
  fill(document.getElementById('stats'),
    h('span', { id: 'catalogue-size', text: fmt(s.games) + ' games in the catalogue' }), ' · ',
    h('span', { id: 'model', text: ranking }),
    s.phase && s.phase !== 'LIVE' ? ' · ' + s.phase.toLowerCase().replace('_', ' ') : '');
}

export async function refreshStats() {
  try {
    renderStats(await api('/api/stats'));
  } catch (e) {
    // the footer line is information, not a function: the page works without it
  }
}
