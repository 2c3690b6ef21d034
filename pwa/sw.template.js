// biaozhu's service worker: the app's own files, cached when it is installed, are served from
// the cache first, so the app opens with no network. Nothing else is touched: files the user
// asks for (a dataset by URL) go to the network as they would without it. The list of files
// and the version are written into this template by tools/service_worker.sh after each build.
'use strict';

const VERSION = '__VERSION__';
const CACHE = `biaozhu-${VERSION}`;
// Relative to this file: the app works from any sub-path of any host.
const FILES = __FILES__;
// Fetched only when learning is first used; cached then, so that it works offline afterwards.
const ON_FIRST_USE = __ON_FIRST_USE__;

const scopeUrl = (file) => new URL(file, self.registration.scope).href;
const own = new Set(['', ...FILES, ...ON_FIRST_USE].map(scopeUrl));

self.addEventListener('install', (event) => {
  // Every file or none: a half-filled cache would open a broken app offline.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(['./', ...FILES])));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('biaozhu-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// The page asks the waiting version to take over when the user accepts the update.
self.addEventListener('message', (event) => {
  if (event.data === 'take-over') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  if (!own.has(url.href)) return;
  // The page itself with any query (?doc=…) is the app's index.
  const key = request.mode === 'navigate' ? scopeUrl('./') : url.href;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(key);
    if (hit) return hit;
    const response = await fetch(request);
    if (response.ok && ON_FIRST_USE.some((file) => scopeUrl(file) === url.href)) {
      await cache.put(key, response.clone());
    }
    return response;
  })());
});
