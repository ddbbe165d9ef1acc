// Building blocks shared by the views: covers, like / not-for-me buttons, result cards, "why".
import { h, fmt, announce } from './dom.js';
import { gamePath } from './api.js';
import { taste } from './taste.js';

const REASON_LABELS = {
  franchise: 'franchise', collection: 'series', genre: 'genre', theme: 'theme', kw: 'keyword',
  dev: 'developer', pub: 'publisher', engine: 'engine', platform: 'platform', mode: 'mode',
  perspective: 'perspective', word: 'summary mentions',
};

/** Only IGDB's image host, data images and same-origin paths are loaded (also what the CSP allows). */
export function safeImageUrl(url, size) {
  if (typeof url !== 'string' || url.length > 2000) return null;
  let u = url.trim();
  if (u.startsWith('//')) u = 'https:' + u;
  if (u.startsWith('https://images.igdb.com/')) {
    // IGDB serves each image in named sizes: .../t_<size>/<image id>.jpg
    return size ? u.replace(/\/t_[a-z0-9_]+\//, '/t_' + size + '/') : u;
  }
  if (u.startsWith('data:image/') || (u.startsWith('/') && !u.startsWith('//'))) return u;
  return null;
}

function initials(name) {
  const words = String(name || '?').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.slice(0, 2).map((w) => [...w.replace(/^[^\p{L}\p{N}]+/u, '')][0] || '').join('').toUpperCase() || '?';
}

/**
 * A cover image, or a placeholder (the game's initials) when there is none or it fails to load.
 * `label`: the alt text; empty for covers beside the game's name (decorative).
 */
export function cover(game, { size = 'cover_small', label = '', big = false } = {}) {
  const cls = 'cover' + (big ? ' cover-big' : '');
  const placeholder = () => h('div', {
    class: cls + ' placeholder',
    attrs: label ? { role: 'img', 'aria-label': label + ' (no cover image)' } : { 'aria-hidden': 'true' },
  }, h('span', { text: initials(game.name) }));
  const url = safeImageUrl(game.cover_url, size);
  if (!url) return placeholder();
  const img = h('img', { class: cls, alt: label, decoding: 'async', loading: big ? 'eager' : 'lazy' });
  img.addEventListener('error', () => img.replaceWith(placeholder()), { once: true });
  img.src = url;
  return img;
}

export function reasonText(r) {
  const i = r.indexOf(':');
  if (i < 0) return { kind: '', value: r };
  const key = r.substring(0, i);
  return { kind: REASON_LABELS[key] || key, value: r.substring(i + 1) };
}

/** "Why": the shared terms that weighed most, and the learned ranker's strongest features if any. */
export function why(result) {
  const reasons = Array.isArray(result.reasons) ? result.reasons : [];
  const features = Array.isArray(result.features) ? result.features : [];
  if (reasons.length === 0 && features.length === 0) return null;
  return h('div', { class: 'why' },
    h('span', { class: 'why-label', text: 'Why:' }),
    reasons.length > 0 && h('ul', { class: 'reasons', attrs: { 'aria-label': 'Shared with it' } },
      reasons.map((r) => {
        const { kind, value } = reasonText(String(r));
        return h('li', { class: 'reason' }, kind && h('span', { class: 'kind', text: kind + ' ' }), value);
      })),
    features.length > 0 && h('p', { class: 'features' }, 'Ranking weighed most: ',
      features.map((f) => (typeof f === 'string' ? f : (f && (f.label || f.name || f.feature)) || '')).filter((x) => x).join(', ')));
}

/** Like / Not for me toggle buttons for a game; they follow the stored taste. */
export function opinionButtons(game) {
  const like = h('button', { type: 'button', class: 'opinion-like', text: 'Like', attrs: { 'aria-label': 'Like ' + game.name } });
  const dislike = h('button', { type: 'button', class: 'opinion-dislike', text: 'Not for me', attrs: { 'aria-label': 'Not for me: ' + game.name } });
  const box = h('div', { class: 'opinion', data: { opinionFor: String(game.id) } }, like, dislike);
  like.addEventListener('click', () => {
    const now = taste.opinion(game.id) === 'liked' ? null : 'liked';
    taste.set(game, now);
    announce(now ? 'Liked ' + game.name : 'Removed ' + game.name + ' from liked games');
  });
  dislike.addEventListener('click', () => {
    const now = taste.opinion(game.id) === 'disliked' ? null : 'disliked';
    taste.set(game, now);
    announce(now ? game.name + ' marked not for you' : 'Removed ' + game.name + ' from not for me');
  });
  syncOpinion(box);
  return box;
}

function syncOpinion(box) {
  const o = taste.opinion(box.dataset.opinionFor);
  const [like, dislike] = box.querySelectorAll('button');
  like.setAttribute('aria-pressed', String(o === 'liked'));
  dislike.setAttribute('aria-pressed', String(o === 'disliked'));
  like.textContent = o === 'liked' ? 'Liked' : 'Like';
}

taste.subscribe(() => document.querySelectorAll('[data-opinion-for]').forEach(syncOpinion));

export function ratingText(g) {
  const r = g.total_rating ?? g.rating;
  const n = g.total_rating_count ?? g.rating_count;
  if (typeof r !== 'number') return null;
  return 'rated ' + Math.round(r) + '/100' + (typeof n === 'number' && n > 0 ? ' by ' + fmt(n) + (n === 1 ? ' player' : ' players') : '');
}

export function matchText(score) {
  return Math.max(0, Math.round(score * 100)) + '% match';
}

function list(items, max) {
  if (!Array.isArray(items) || items.length === 0) return null;
  return items.length > max ? items.slice(0, max).join(', ') + ' +' + (items.length - max) : items.join(', ');
}

/**
 * One game in a list: cover, name (a link to its page), year, platforms, type, match, rating,
 * why, like / not-for-me. `level`: the heading level of its name.
 */
export function card(g, { level = 3, score = true } = {}) {
  const meta = [
    h('span', { class: 'year', text: g.release_year ? String(g.release_year) : 'year unknown' }),
    list(g.platforms, 4) && h('span', { class: 'platforms', text: list(g.platforms, 4) }),
    g.game_type && g.game_type !== 'Main Game' && h('span', { class: 'type', text: g.game_type }),
  ].filter((x) => x);
  const facts = [
    score && typeof g.score === 'number' && h('span', { class: 'score', text: matchText(g.score), title: 'similarity ' + g.score.toFixed(3) }),
    ratingText(g) && h('span', { class: 'rating', text: ratingText(g) }),
  ].filter((x) => x);
  return h('li', { class: 'card', data: { id: String(g.id) } },
    cover(g),
    h('div', { class: 'card-body' },
      h('h' + level, { class: 'card-title' }, h('a', { href: gamePath(g.id), text: g.name || 'Game ' + g.id, dir: 'auto' })),
      h('p', { class: 'meta' }, separated(meta)),
      facts.length > 0 && h('p', { class: 'facts' }, separated(facts)),
      why(g)),
    opinionButtons(g));
}

function separated(nodes) {
  const out = [];
  nodes.forEach((n, i) => { if (i > 0) out.push(h('span', { class: 'sep', attrs: { 'aria-hidden': 'true' }, text: ' · ' })); out.push(n); });
  return out;
}

/** A list of cards, or a sentence when it is empty. */
export function cards(results, options, empty) {
  if (!results || results.length === 0) return h('p', { class: 'empty', text: empty });
  return h('ul', { class: 'cards' }, results.map((r) => card(r, options)));
}
