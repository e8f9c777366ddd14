// The search index, downloaded only when a reader searches.
//
// The theme's bundle fetches search/search_index.json (about 300 KB gzipped: every answer guide)
// and parses it on the main thread as soon as any page opens. Most visits never search, and on
// a phone that download and parse delay the page itself. Loaded just before the bundle, this
// script holds that one request back until the reader shows they want to search: focus in the
// search form, the search toggle, the theme's search shortcuts (f, s, /), or a page opened from
// a search result (its ?h= highlights the terms, which needs the index). The bundle then gets
// the index as before; it shows "Initializing search" while it arrives. Nothing else changes.

(() => {
  "use strict";

  const INDEX = /\/search\/search_index\.json$/;
  const held = new WeakSet();
  let release;
  const wanted = new Promise((resolve) => {
    release = resolve;
  });

  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (INDEX.test(new URL(String(url), document.baseURI).pathname)) held.add(this);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (!held.has(this)) return send.apply(this, args);
    held.delete(this);
    wanted.then(() => send.apply(this, args));
    return undefined;
  };

  const want = () => {
    document.documentElement.dataset.searchIndex = "wanted";
    release();
  };
  if (new URLSearchParams(window.location.search).has("h")) want();
  document.addEventListener("focusin", (event) => {
    if (event.target instanceof Element && event.target.closest("form[name=search]")) want();
  });
  document.addEventListener("change", (event) => {
    if (event.target instanceof Element && event.target.id === "__search") want();
  });
  document.addEventListener(
    "keydown",
    (event) => {
      if (["f", "s", "/"].includes(event.key)) want();
    },
    true,
  );
})();
