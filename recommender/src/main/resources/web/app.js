// Plain JS, no build step, no external resources: works offline against the service's own API.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const liked = new Map(); // id -> name
  let searchTimer = null;
  let searchSeq = 0;

  const LABELS = {
    franchise: 'same franchise', collection: 'same series', genre: 'genre', theme: 'theme',
    kw: 'keyword', dev: 'developer', pub: 'publisher', engine: 'engine', platform: 'platform',
    mode: 'mode', perspective: 'perspective', word: 'summary mentions'
  };

  function because(reasons) {
    if (!reasons || reasons.length === 0) return '';
    return 'because: ' + reasons.map((r) => {
      const i = r.indexOf(':');
      if (i < 0) return r;
      const label = LABELS[r.substring(0, i)] || r.substring(0, i);
      return label + ' ' + r.substring(i + 1);
    }).join(', ');
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function message(text) { $('message').textContent = text || ''; }

  async function getJson(url, options) {
    const res = await fetch(url, options);
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(body.error || ('HTTP ' + res.status));
    return body;
  }

  function coverUrl(url) {
    if (!url) return null;
    return url.startsWith('//') ? 'https:' + url : url;
  }

  function cover(game) {
    const url = coverUrl(game.cover_url);
    const placeholder = () => el('div', 'cover', 'no cover');
    if (!url) return placeholder();
    const img = el('img', 'cover');
    img.alt = 'cover of ' + game.name;
    img.loading = 'lazy';
    img.src = url;
    img.onerror = () => img.replaceWith(placeholder());
    return img;
  }

  function renderResults(list, results) {
    list.replaceChildren();
    for (const r of results) {
      const li = el('li', 'result');
      li.dataset.id = r.id;
      li.appendChild(cover(r));
      const body = el('div', 'body');
      const name = el('div', 'name');
      const a = el('a', null, r.name);
      a.addEventListener('click', () => select(r.id));
      name.appendChild(a);
      body.appendChild(name);
      const meta = el('div', 'meta-line');
      meta.appendChild(el('span', 'year', r.release_year ? r.release_year : 'year unknown'));
      meta.appendChild(document.createTextNode(' · '));
      meta.appendChild(el('span', 'platforms', (r.platforms || []).join(', ') || 'platforms unknown'));
      meta.appendChild(document.createTextNode(' · '));
      meta.appendChild(el('span', 'score', 'score ' + r.score.toFixed(3)));
      body.appendChild(meta);
      body.appendChild(el('div', 'because', because(r.reasons)));
      li.appendChild(body);
      const like = el('button', 'like', liked.has(r.id) ? 'Liked' : '♥ Like');
      like.type = 'button';
      if (liked.has(r.id)) like.classList.add('liked');
      like.addEventListener('click', () => { toggleLike(r.id, r.name); like.textContent = liked.has(r.id) ? 'Liked' : '♥ Like'; like.classList.toggle('liked', liked.has(r.id)); });
      li.appendChild(like);
      list.appendChild(li);
    }
  }

  async function search(q) {
    const seq = ++searchSeq;
    const list = $('suggestions');
    if (!q.trim()) { list.replaceChildren(); return; }
    try {
      const body = await getJson('/api/search?limit=10&q=' + encodeURIComponent(q));
      if (seq !== searchSeq) return; // a newer query answered first
      list.replaceChildren();
      for (const g of body.results) {
        const li = el('li', 'suggestion', g.name);
        li.dataset.id = g.id;
        li.setAttribute('role', 'option');
        if (g.release_year) li.appendChild(el('span', 'year', g.release_year));
        li.addEventListener('click', () => { list.replaceChildren(); $('search').value = g.name; select(g.id); });
        list.appendChild(li);
      }
      if (body.results.length === 0) list.appendChild(el('li', 'none', 'No game starts with that.'));
    } catch (e) { message(e.message); }
  }

  let current = null;

  async function select(id) {
    message('');
    try {
      const body = await getJson('/api/games/' + id + '/similar?limit=10&explain=true');
      current = body.game;
      $('selected').hidden = false;
      $('selected-name').textContent = body.game.name;
      $('selected-meta').textContent = [body.game.release_year, (body.game.genres || []).join(', '),
        (body.game.platforms || []).join(', ')].filter((x) => x).join(' · ');
      $('similar-title').hidden = false;
      renderResults($('similar'), body.results);
      if (body.results.length === 0) message('No similar games found.');
    } catch (e) { message(e.message); }
  }

  function toggleLike(id, name) {
    if (liked.has(id)) liked.delete(id); else liked.set(id, name);
    renderLiked();
  }

  function renderLiked() {
    const list = $('liked');
    list.replaceChildren();
    if (liked.size === 0) list.appendChild(el('li', 'empty', 'Nothing liked yet.'));
    for (const [id, name] of liked) {
      const li = el('li', 'liked-game', name);
      li.dataset.id = id;
      const rm = el('button', null, '✕');
      rm.title = 'remove';
      rm.addEventListener('click', () => { liked.delete(id); renderLiked(); });
      li.appendChild(rm);
      list.appendChild(li);
    }
    $('recommend').disabled = liked.size === 0;
  }

  async function recommend() {
    message('');
    try {
      const body = await getJson('/api/recommendations', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ liked: [...liked.keys()], limit: 10 })
      });
      $('recommendations-title').hidden = false;
      renderResults($('recommendations'), body.results);
    } catch (e) { message(e.message); }
  }

  async function stats() {
    try {
      const s = await getJson('/api/stats');
      $('stats').textContent = s.games.toLocaleString() + ' games indexed';
    } catch (e) { /* stats are decoration */ }
  }

  $('search').addEventListener('input', (e) => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => search(e.target.value), 120);
  });
  $('like-selected').addEventListener('click', () => { if (current) toggleLike(current.id, current.name); });
  $('recommend').addEventListener('click', recommend);
  stats();
})();
