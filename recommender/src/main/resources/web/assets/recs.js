// Recommendations: #/recommendations?platform=&yearFrom=&yearTo=&gameType=&excludeFranchise=...
// The liked and disliked games come from the browser's storage; the filters live in the address,
// so back and forward step through them and a filtered view can be bookmarked.
import { h, fill, fmt } from './dom.js';
import { api } from './api.js';
import { taste } from './taste.js';
import { cards } from './cards.js';

const BOOLEANS = [
  ['excludeFranchise', "Leave out the franchises of the games I like"],
  ['excludeCollection', 'Leave out their series too'],
  ['includeVariants', 'Include DLC, bundles, packs and editions'],
];

/** The filters in the address, as the API's `filters` object. */
export function filtersOf(params) {
  const f = {};
  const platforms = params.getAll('platform').filter((p) => p);
  if (platforms.length) f.platforms = platforms;
  for (const k of ['yearFrom', 'yearTo', 'maxPerFranchise']) {
    const v = params.get(k);
    if (v !== null && v.trim() !== '' && /^-?\d+$/.test(v.trim())) f[k] = Number(v.trim());
  }
  const types = params.getAll('gameType').filter((t) => t);
  if (types.length) f.gameTypes = types;
  for (const [k] of BOOLEANS) if (params.get(k) === 'true') f[k] = true;
  return f;
}

/** A choice among the catalogue's values ({name, games}, most games first). */
function select(id, label, any, values, chosen) {
  const options = values.map((v) => ({ name: v.name, text: v.name + ' (' + fmt(v.games) + ')' }));
  for (const c of chosen) if (!values.some((v) => v.name === c)) options.push({ name: c, text: c });
  return h('div', { class: 'field' },
    h('label', { htmlFor: id, text: label }),
    h('select', { id, name: id === 'f-platform' ? 'platform' : 'gameType' },
      h('option', { value: '', text: any }),
      options.map((o) => h('option', { value: o.name, text: o.text, selected: chosen.includes(o.name) }))));
}

function number(id, name, label, value, min, max) {
  return h('div', { class: 'field field-number' },
    h('label', { htmlFor: id, text: label }),
    h('input', { id, name, type: 'number', inputMode: 'numeric', min, max, step: 1, value: value ?? '' }));
}

function filterForm(filters, options, navigate) {
  const active = Object.keys(filters).length;
  const form = h('form', { class: 'filter-form', attrs: { 'aria-label': 'Filters' } },
    h('div', { class: 'filter-grid' },
      select('f-platform', 'Platform', 'Any platform', options.platforms, filters.platforms || []),
      select('f-type', 'Game type', 'Any type', options.gameTypes, filters.gameTypes || []),
      number('f-from', 'yearFrom', 'Released from (year)', filters.yearFrom, 0, 3000),
      number('f-to', 'yearTo', 'Released until (year)', filters.yearTo, 0, 3000),
      number('f-max', 'maxPerFranchise', 'At most this many per franchise (0: no limit)', filters.maxPerFranchise, 0, 1000)),
    h('div', { class: 'checks' },
      BOOLEANS.map(([k, label]) => h('div', { class: 'check' },
        h('input', { type: 'checkbox', id: 'f-' + k, name: k, value: 'true', checked: !!filters[k] }),
        h('label', { htmlFor: 'f-' + k, text: label })))),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', text: 'Apply filters' }),
      h('a', { href: '#/recommendations', class: 'button-link', text: 'Clear filters' })));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim() !== '') params.append(k, String(v).trim());
    const q = params.toString();
    navigate('#/recommendations' + (q ? '?' + q : ''));
  });
  // open when filters are on, or when there is room; on a phone the results come first
  return h('details', { class: 'filters', open: active > 0 || window.matchMedia('(min-width: 960px)').matches },
    h('summary', {}, h('h2', { id: 'filters-title' }, 'Filters', active > 0 && h('span', { class: 'count', text: ' (' + active + ' on)' }))),
    form);
}

export async function recommendationsView(main, params, { signal, title, navigate }) {
  title('Recommended for you');
  const filters = filtersOf(params);
  const heading = h('h1', { text: 'Recommended for you', tabIndex: -1 });
  if (taste.liked.length === 0) {
    fill(main, heading,
      h('p', { class: 'empty', text: 'Like a few games first: open any game (search for one above) and press Like. Your recommendations then appear here, with the reasons for each.' }),
      taste.disliked.length > 0 && h('p', { text: 'Games marked “not for me” are kept too: they push similar games down.' }));
    return;
  }
  const status = h('p', { class: 'loading', attrs: { role: 'status' }, text: 'Finding games for you…' });
  const results = h('section', { class: 'recs', attrs: { 'aria-labelledby': 'recs-title' } },
    h('h2', { id: 'recs-title', text: 'Games for you' }), status);
  const basis = h('p', { class: 'basis', text: 'From the ' + count(taste.liked.length, 'game') + ' you like' + (taste.disliked.length ? ' and the ' + count(taste.disliked.length, 'game') + ' not for you' : '') + '.' });
  // the filter choices: every platform and game type in the catalogue (cached by the browser)
  const facetsAnswer = api('/api/facets', { signal }).catch(() => null);
  let body;
  let error;
  try {
    body = await api('/api/recommendations', {
      method: 'POST',
      signal,
      body: { liked: taste.liked.map((g) => g.id), disliked: taste.disliked.map((g) => g.id), filters, limit: 20 },
    });
  } catch (e) {
    if (e.name === 'AbortError') return;
    error = e;
  }
  const facets = await facetsAnswer;
  if (signal.aborted) return;
  const options = {
    platforms: facets ? facets.platforms : [],
    gameTypes: facets ? facets.game_types : [],
  };
  fill(main, heading, basis, filterForm(filters, options, navigate), results);
  if (error) {
    status.replaceWith(h('p', { class: 'error', attrs: { role: 'alert' }, text: 'No recommendations: ' + error.message }));
  } else {
    status.replaceWith(cards(body.results, { level: 3 }, Object.keys(filters).length
      ? 'No game passes these filters. Loosen them (Clear filters) to see more.'
      : 'No recommendations: the games you like share too little with the others.'));
  }
}

function count(n, word) {
  return n + ' ' + word + (n === 1 ? '' : 's');
}
