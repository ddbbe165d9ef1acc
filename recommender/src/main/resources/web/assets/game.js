// The game page: #/games/{id}. Details from /api/games/{id}, the similar games (with why) from
// /api/games/{id}/similar.
import { h, fill, joinWords } from './dom.js';
import { api, ApiError, gamePath } from './api.js';
import { cover, opinionButtons, ratingText, cards } from './cards.js';

const dates = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function released(g) {
  const t = g.first_release_date ? Date.parse(g.first_release_date) : NaN;
  if (!Number.isNaN(t)) return dates.format(new Date(t));
  return g.release_year ? String(g.release_year) : null;
}

function fact(label, value) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  const text = Array.isArray(value) ? value.join(', ') : value;
  return [h('dt', { text: label }), h('dd', {}, text)];
}

function igdbLink(g) {
  return typeof g.url === 'string' && g.url.startsWith('https://www.igdb.com/')
    ? h('a', { href: g.url, text: 'This game on IGDB', rel: 'noopener noreferrer', class: 'external' })
    : null;
}

export async function gameView(main, id, { signal, title }) {
  let g;
  let similar;
  let series;
  try {
    [g, similar, series] = await Promise.all([
      api('/api/games/' + id, { signal }),
      api('/api/games/' + id + '/similar?limit=12', { signal }).catch((e) => e),
      api('/api/games/' + id + '/series?limit=24', { signal }).catch((e) => e),
    ]);
  } catch (e) {
    if (e.name === 'AbortError') return;
    if (e instanceof ApiError && e.status === 404) {
      title('Game not found');
      fill(main,
        h('h1', { text: 'Game not found', tabIndex: -1 }),
        h('p', { text: 'No game with id ' + id + ' is in the catalogue now. New games appear here as they arrive: try again in a moment, or search by name.' }));
      return;
    }
    throw e;
  }
  const name = g.name || 'Game ' + g.id;
  title(name);
  const sub = [g.release_year, g.game_type, g.game_status].filter((x) => x);
  const parent = g.parent_game_id || g.version_parent_id;
  const parentLink = parent ? h('a', { href: gamePath(parent), text: 'the main game' }) : null;

  fill(main,
    h('article', { class: 'game', data: { id: String(g.id) } },
      h('div', { class: 'game-head' },
        cover(g, { size: 'cover_big', label: 'Cover of ' + name, big: true }),
        h('div', { class: 'game-title' },
          h('h1', { id: 'game-name', text: name, tabIndex: -1, dir: 'auto' }),
          sub.length > 0 && h('p', { class: 'sub', text: sub.join(' · ') }),
          ratingText(g) && h('p', { class: 'rating', text: ratingText(g) }),
          parentLink && h('p', { class: 'parent' }, 'A version or add-on of ', parentLink, '.'),
          opinionButtons({ id: g.id, name }))),
      g.summary ? h('p', { class: 'summary', text: g.summary }) : h('p', { class: 'summary empty', text: 'No summary yet.' }),
      g.storyline && h('details', { class: 'storyline' }, h('summary', { text: 'Storyline' }), h('p', { text: g.storyline })),
      h('dl', { class: 'facts-list' },
        fact('Released', released(g)),
        fact('Genres', g.genres),
        fact('Themes', g.themes),
        fact('Platforms', g.platforms),
        fact('Game modes', g.game_modes),
        fact('Perspective', g.player_perspectives),
        fact('Developers', g.developers),
        fact('Publishers', g.publishers),
        fact('Franchise', g.franchises),
        fact('Series', g.collections),
        fact('Engine', g.game_engines)),
      igdbLink(g)),
    seriesSections(g, series),
    similarSection(g, similar));
  // the live feed tells when this very game changes or leaves while it is open
  window.addEventListener('game-change', (e) => {
    if (e.detail.id !== g.id || main.querySelector('.game-changed')) return;
    const heading = main.querySelector('h1');
    const notice = e.detail.kind === 'DELETED'
      ? h('p', { class: 'stale game-changed', attrs: { role: 'status' }, text: 'This game was just removed from the catalogue.' })
      : h('p', { class: 'stale game-changed', attrs: { role: 'status' } }, 'This game just changed. ',
        h('button', { type: 'button', text: 'Show the new version', on: { click: () => window.dispatchEvent(new Event('hashchange')) } }));
    heading.after(notice);
  }, { signal });
}

/** The other games of its franchises and series, by release; a series equal to a franchise once. */
function seriesSections(g, series) {
  if (series instanceof Error) {
    return h('p', { class: 'error', attrs: { role: 'alert' }, text: 'Its franchise and series could not be loaded: ' + series.message });
  }
  const groups = [
    ...series.franchises.map((f) => ({ ...f, label: 'franchise' })),
    ...series.collections.map((c) => ({ ...c, label: 'series' })),
  ];
  const seen = new Set();
  return groups.map((grp, i) => {
    const others = grp.games.filter((o) => o.id !== g.id);
    const key = others.map((o) => o.id).join(',');
    if (others.length === 0 || seen.has(key)) return null;
    seen.add(key);
    const id = 'series-' + i;
    const more = grp.total - 1 - others.length;
    return h('section', { class: 'series', attrs: { 'aria-labelledby': id } },
      h('h2', { id }, 'More from the ', h('span', { class: 'series-name', text: grp.name, dir: 'auto' }), ' ' + grp.label),
      h('ul', { class: 'series-list' }, others.map((o) => h('li', { class: 'series-game', data: { id: String(o.id) } },
        h('a', { href: gamePath(o.id) }, cover(o), h('span', { class: 'series-title', text: o.name, dir: 'auto' }),
          h('span', { class: 'year', text: o.release_year ? String(o.release_year) : 'year unknown' }))))),
      more > 0 && h('p', { class: 'hint', text: 'and ' + more + ' more.' }));
  });
}

function similarSection(g, similar) {
  const section = h('section', { class: 'similar', attrs: { 'aria-labelledby': 'similar-title' } },
    h('h2', { id: 'similar-title', text: 'Similar games' }));
  if (similar instanceof Error) {
    section.append(h('p', { class: 'error', attrs: { role: 'alert' }, text: 'Similar games could not be loaded: ' + similar.message }));
    return section;
  }
  const shared = (g.genres || []).concat(g.themes || []);
  section.append(
    h('p', { class: 'hint', text: 'Ranked by what they share with this game' + (shared.length ? ' (such as ' + joinWords(shared.slice(0, 3)) + ')' : '') + '. Equal matches: more rated first, then better rated, then newer.' }),
    cards(similar.results, { level: 3 }, 'No similar games yet: this game shares too little with the others.'));
  return section;
}
