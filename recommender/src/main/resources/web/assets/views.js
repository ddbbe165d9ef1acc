// The home page (#/) and the search results (#/search?q=).
import { h, fill } from './dom.js';
import { api } from './api.js';
import { taste } from './taste.js';
import { cards } from './cards.js';

export function homeView(main, { title }) {
  title(null);
  fill(main,
    h('h1', { text: 'Find games like the ones you love', tabIndex: -1 }),
    h('ol', { class: 'steps' },
      h('li', {}, 'Search a game by name in the box above.'),
      h('li', {}, 'Its page shows what it is and the games most like it, each with the reasons.'),
      h('li', {}, 'Press Like, or Not for me, on any game: ', h('a', { href: '#/recommendations', text: 'your recommendations' }), ' follow your taste, with filters for platform, years and type.')),
    taste.liked.length > 0 && h('p', { class: 'continue' },
      h('a', { href: '#/recommendations', class: 'button-link', text: 'See your recommendations' })));
}

export async function searchView(main, params, { signal, title, search }) {
  const q = (params.get('q') || '').trim();
  search.show(q);
  if (!q) {
    title('Search');
    fill(main, h('h1', { text: 'Search', tabIndex: -1 }), h('p', { text: 'Type the start of a game’s name in the search box.' }));
    return;
  }
  title('“' + q + '”');
  const body = await api('/api/search?limit=50&q=' + encodeURIComponent(q), { signal });
  fill(main,
    h('h1', { tabIndex: -1 }, 'Games starting with “', h('span', { class: 'query', text: q }), '”'),
    body.results.length > 0 && h('p', { class: 'hint', text: body.results.length === 50 ? 'The first 50 matches, by name.' : body.results.length + (body.results.length === 1 ? ' match.' : ' matches, by name.') }),
    cards(body.results, { level: 2, score: false }, 'No game name starts with “' + q + '”.'));
}

export function notFoundView(main, path, { title }) {
  title('Page not found');
  fill(main,
    h('h1', { text: 'Page not found', tabIndex: -1 }),
    h('p', {}, 'Nothing lives at ', h('code', { text: '#' + path }), '. ', h('a', { href: '#/', text: 'Start again' }), '.'));
}
