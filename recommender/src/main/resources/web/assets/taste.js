// Liked and disliked games, kept in the browser's localStorage (this browser only, no account).
// Other tabs see changes through the storage event.

const KEY = 'gamedata.taste.v1';
const MAX = 100; // the API takes at most 100 ids of each kind
const listeners = new Set();
let state = load();

function load() {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) || '{}');
    return { liked: clean(raw.liked), disliked: clean(raw.disliked) };
  } catch (e) {
    return { liked: [], disliked: [] };
  }
}

function clean(list) {
  if (!Array.isArray(list)) return [];
  const seen = new Set();
  const out = [];
  for (const g of list) {
    const id = Number(g && g.id);
    if (!Number.isSafeInteger(id) || id <= 0 || seen.has(id)) continue;
    seen.add(id);
    out.push({ id, name: typeof g.name === 'string' ? g.name : 'Game ' + id });
  }
  return out.slice(-MAX);
}

function save() {
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch (e) {
    // private mode or full storage: the choice still holds for this page
  }
  for (const fn of listeners) fn(state);
}

window.addEventListener('storage', (e) => {
  if (e.key === KEY) {
    state = load();
    for (const fn of listeners) fn(state);
  }
});

export const taste = {
  get liked() { return state.liked; },
  get disliked() { return state.disliked; },
  /** 'liked', 'disliked' or null */
  opinion(id) {
    id = Number(id);
    if (state.liked.some((g) => g.id === id)) return 'liked';
    if (state.disliked.some((g) => g.id === id)) return 'disliked';
    return null;
  },
  /** Sets the opinion on a game ('liked', 'disliked' or null to forget it). */
  set(game, opinion) {
    const id = Number(game.id);
    const entry = { id, name: game.name || 'Game ' + id };
    state = {
      liked: state.liked.filter((g) => g.id !== id),
      disliked: state.disliked.filter((g) => g.id !== id),
    };
    if (opinion === 'liked') state.liked = [...state.liked, entry].slice(-MAX);
    if (opinion === 'disliked') state.disliked = [...state.disliked, entry].slice(-MAX);
    save();
  },
  clear() {
    state = { liked: [], disliked: [] };
    save();
  },
  subscribe(fn) {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
};
