// The calculator's service worker, imported by the generated <edition>/calculator/service-worker.js
// (pages/offline.py), which sets self.HANDBOOK_OFFLINE = {edition, key, files} first. Its scope is
// <edition>/calculator/: the calculator page and the engine's worker (calculator/worker.js), so no
// other page or edition is controlled by it. A classic service worker, no eval, no other origin.
//
// Install: keep every file of this build (the page, its scripts and styles, the worker, the engine,
//   the rules, Pyodide and the snapshot) in a cache named after the edition, the build key and the
//   scope, then take over at once. Activate: delete this edition's older copies (only this scope's).
// Fetch, for this edition's files only:
//   Pyodide and the snapshot (named after their inputs): cache first;
//   everything else: network first (so a new build is used as soon as it is online; the page says
//   so when the new service worker takes over), the kept copy when the network fails.

"use strict";

const { edition, key, files } = self.HANDBOOK_OFFLINE;
const SCOPE = new URL("./", self.location).href;
const PREFIX = `handbook-calculator ${edition} ${new URL(SCOPE).pathname} `;
const CACHE = `${PREFIX}${key}`;
const EDITION = new URL("../", self.location).href;
const CACHE_FIRST = ["pyodide/", "snapshot/"].map((path) => new URL(path, SCOPE).href);
const NETWORK_SECONDS = 8; // then the kept copy answers, if there is one

async function keepFiles() {
  const cache = await caches.open(CACHE);
  await Promise.all(files.map(async (path) => {
    const url = new URL(path, self.location).href;
    const response = await fetch(url, { cache: "no-cache" }); // never an older build's file
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    await cache.put(url, response);
  }));
}

async function dropOlderCopies() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE)
    .map((name) => caches.delete(name)));
}

self.addEventListener("install", (event) => {
  event.waitUntil(keepFiles().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(dropOlderCopies().then(() => self.clients.claim()));
});

// The page asks which build this copy holds. An older service worker may still have been answering
// a request while this one took over, and kept it: drop its copy again.
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "key" && event.ports[0]) {
    event.ports[0].postMessage({ edition, key });
    if (self.registration.active === self.serviceWorker) event.waitUntil(dropOlderCopies());
  }
});

// Keeps a response, unless a newer build's service worker has dropped this copy meanwhile (this
// one is then on its way out, and must not bring its cache back).
async function store(url, response) {
  if (self.serviceWorker && self.serviceWorker.state === "redundant") return;
  if (!(await caches.has(CACHE))) return;
  const cache = await caches.open(CACHE);
  await cache.put(url, response);
}

// The page is the same for every query string: it is kept once, without one. (Not so the worker:
// its query names the snapshot, and its address is the one the cached answer carries.)
function cacheKey(request) {
  if (request.mode !== "navigate") return request.url;
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  return url.href;
}

async function kept(request) {
  const cache = await caches.open(CACHE);
  const response = await cache.match(cacheKey(request));
  if (!response || request.method !== "HEAD") return response;
  return new Response(null, { status: response.status, headers: response.headers });
}

function timeout(seconds) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), seconds * 1000));
}

async function networkFirst(request) {
  const asked = request.mode === "navigate"
    ? fetch(request)
    : fetch(request.url, { cache: "no-cache", method: request.method }); // never a stale file
  const network = asked.then(async (response) => {
    if (response.ok && request.method === "GET" && !response.redirected) {
      await store(cacheKey(request), response.clone());
    }
    return response;
  });
  try {
    return await Promise.race([network, timeout(NETWORK_SECONDS)]);
  } catch (error) {
    const copy = await kept(request);
    if (copy) return copy;
    return network; // the network's own error, or its late answer
  }
}

async function cacheFirst(request) {
  const copy = await kept(request);
  if (copy) return copy;
  const response = await fetch(request);
  if (response.ok && request.method === "GET") await store(request.url, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (!["GET", "HEAD"].includes(request.method) || !request.url.startsWith(EDITION)) return;
  const immutable = CACHE_FIRST.some((prefix) => request.url.startsWith(prefix));
  event.respondWith(immutable ? cacheFirst(request) : networkFirst(request));
});
