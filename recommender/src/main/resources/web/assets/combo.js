// The header's search box: an ARIA 1.2 combobox with a list of matching names. Arrow keys move
// through the list, Enter opens the highlighted game (or, with none highlighted, the search page),
// Escape closes the list.
import { h, fill } from './dom.js';
import { api, gamePath } from './api.js';

export function setupSearch(navigate) {
  const form = document.getElementById('search-form');
  const input = document.getElementById('q');
  const listbox = document.getElementById('q-list');
  let options = []; // [{id, name, release_year}]
  let active = -1;
  let seq = 0;
  let timer = null;

  function open(isOpen) {
    listbox.hidden = !isOpen;
    input.setAttribute('aria-expanded', String(isOpen));
    if (!isOpen) setActive(-1);
  }

  function setActive(i) {
    active = i;
    [...listbox.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0 && listbox.children[i]) {
      input.setAttribute('aria-activedescendant', listbox.children[i].id);
      listbox.children[i].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function choose(i) {
    const g = options[i];
    if (!g) return;
    open(false);
    input.value = g.name;
    navigate(gamePath(g.id));
  }

  async function suggest() {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) { options = []; fill(listbox); open(false); return; }
    try {
      const body = await api('/api/search?limit=8&q=' + encodeURIComponent(q));
      if (mine !== seq) return; // a newer query was sent meanwhile
      options = body.results;
      fill(listbox, options.length === 0
        ? h('li', { class: 'none', text: 'No game name starts with that', attrs: { role: 'option', 'aria-disabled': 'true', id: 'q-none' } })
        : options.map((g, i) => h('li', {
          id: 'q-opt-' + i,
          class: 'option',
          data: { id: String(g.id) },
          attrs: { role: 'option', 'aria-selected': 'false' },
          on: { click: () => choose(i) },
        }, h('span', { class: 'name', text: g.name, dir: 'auto' }), g.release_year && h('span', { class: 'year', text: ' ' + g.release_year }))));
      open(document.activeElement === input);
      setActive(-1);
    } catch (e) {
      if (mine === seq) { options = []; open(false); }
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 120);
  });
  input.addEventListener('keydown', (e) => {
    const n = options.length;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (listbox.hidden && n > 0) open(true);
      if (n > 0) setActive((active + 1) % n);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (n > 0) setActive(active <= 0 ? n - 1 : active - 1);
    } else if (e.key === 'Enter' && !listbox.hidden && active >= 0) {
      e.preventDefault();
      choose(active);
    } else if (e.key === 'Escape') {
      if (!listbox.hidden) { e.preventDefault(); open(false); } else input.value = '';
    }
  });
  // keep the focus in the box while a mouse picks an option
  listbox.addEventListener('mousedown', (e) => e.preventDefault());
  input.addEventListener('blur', () => open(false));
  input.addEventListener('focus', () => { if (options.length > 0 && input.value.trim()) open(true); });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = input.value.trim();
    if (!q) { input.focus(); return; }
    clearTimeout(timer);
    seq++;
    open(false);
    navigate('#/search?q=' + encodeURIComponent(q));
  });

  return {
    /** Shows the query of the current search page in the box. */
    show(q) { if (document.activeElement !== input) input.value = q; },
  };
}
