// Preflight's service worker, written into each release build by scripts/postbuild.mjs.
//
// Every file of the release is cached when the worker installs, under a cache named after the
// release, and served from there: after one visit the app starts and works offline, and a page
// always gets files of one release. A new release installs beside the running one and waits;
// the app offers to reload (it posts "skip-waiting"), and the old release's cache is deleted
// when the new one takes over. Anything else of this site (config.json, a logo) is fetched
// from the network first and kept as a fallback for when there is none.
const VERSION = '__VERSION__';
const CACHE = `preflight-${VERSION}`;
const RUNTIME = 'preflight-runtime';
const PRECACHE = __PRECACHE__;
const scope = new URL('./', self.location.href);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // `reload`: never fill the new release's cache from a stale HTTP cache.
      cache.addAll(PRECACHE.map((path) => new Request(new URL(path, scope), { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('preflight-') && key !== CACHE && key !== RUNTIME) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const path = url.pathname.slice(scope.pathname.length);
  // The app's own page; any other URL opened directly (a schema, say) is served as itself.
  if (request.mode === 'navigate' && (path === '' || path === 'index.html')) {
    event.respondWith(fromRelease('index.html').then((hit) => hit ?? fetch(request)));
  } else if (PRECACHE.includes(path)) {
    event.respondWith(fromRelease(path).then((hit) => hit ?? fetch(request)));
  } else {
    event.respondWith(networkFirst(request));
  }
});

async function fromRelease(path) {
  const cache = await caches.open(CACHE);
  return (await cache.match(new URL(path, scope))) ?? undefined;
}

async function networkFirst(request) {
  const cache = await caches.open(RUNTIME);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    throw error;
  }
}
