// The page's entry point: a hash router over the views. Plain ES modules, no build step, no
// external resources: the page works offline against the service's own API (see /openapi.yaml).
//   #/                     home
//   #/games/{id}           a game: details, similar games and why
//   #/search?q=            games whose name starts with q
//   #/recommendations?...  recommendations for the liked / disliked games, filters in the address
import { h, fill } from './dom.js';
import { setupSearch } from './combo.js';
import { homeView, searchView, notFoundView } from './views.js';
import { gameView } from './game.js';
import { recommendationsView } from './recs.js';
import { renderTaste, refreshStats } from './side.js';
import { taste } from './taste.js';
import { startLive } from './live.js';

const SITE = 'Games like this one';
const main = document.getElementById('main');
let controller = null;
let firstRender = true;

function parse(hash) {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const i = raw.indexOf('?');
  return {
    path: (i < 0 ? raw : raw.slice(0, i)) || '/',
    params: new URLSearchParams(i < 0 ? '' : raw.slice(i + 1)),
  };
}

/** Goes to a route (a new history entry), or renders it again when it is the current one. */
function navigate(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

function title(t) {
  document.title = t ? t + ' – ' + SITE : SITE;
}

const search = setupSearch(navigate);

async function render() {
  const hash = location.hash;
  if (hash && !hash.startsWith('#/')) return; // an in-page anchor, not a route
  if (controller) controller.abort();
  controller = new AbortController();
  const { signal } = controller;
  const { path, params } = parse(hash);
  const ctx = { signal, title, navigate, search };
  main.setAttribute('aria-busy', 'true');
  delete main.dataset.rendered;
  try {
    const game = path.match(/^\/games\/([1-9]\d{0,17})\/?$/);
    if (path === '/') homeView(main, ctx);
    else if (game) await gameView(main, game[1], ctx);
    else if (path === '/search') await searchView(main, params, ctx);
    else if (path === '/recommendations') await recommendationsView(main, params, ctx);
    else notFoundView(main, path, ctx);
  } catch (e) {
    if (signal.aborted || e.name === 'AbortError') return;
    title('Something went wrong');
    fill(main,
      h('h1', { text: 'Something went wrong', tabIndex: -1 }),
      h('p', { class: 'error', attrs: { role: 'alert' }, text: e.message }),
      h('p', {}, h('button', { type: 'button', text: 'Try again', on: { click: () => render() } })));
  }
  if (signal.aborted) return;
  main.removeAttribute('aria-busy');
  main.dataset.rendered = hash || '#/';
  if (!firstRender) {
    // a new view: keyboard and screen-reader users continue from its heading
    window.scrollTo(0, 0);
    const heading = main.querySelector('h1');
    if (heading) heading.focus();
  }
  firstRender = false;
}

window.addEventListener('hashchange', render);
document.querySelector('.skip').addEventListener('click', (e) => {
  e.preventDefault();
  main.focus();
});
taste.subscribe(() => {
  renderTaste();
  if (parse(location.hash).path === '/recommendations') staleRecommendations();
});

/** After a like or dislike on the recommendations page: offer to update (the list stays put). */
function staleRecommendations() {
  if (document.getElementById('recs-update')) return;
  const button = h('button', { type: 'button', id: 'recs-update', text: 'Update recommendations', on: { click: () => render() } });
  const notice = h('p', { class: 'stale', attrs: { role: 'status' } }, 'Your taste changed. ', button);
  const heading = main.querySelector('h1');
  if (heading) heading.after(notice);
}

renderTaste();
refreshStats();
// the live feed carries the catalogue size and the model from then on; without it, poll
if (!startLive()) setInterval(() => { if (!document.hidden) refreshStats(); }, 60000);
render();
