(function (site) {
  /* polybook's service worker, written by the build at the site's root with
     `site` (the build's id, the files to fetch on installation, the search
     index's folder) appended. Readers keep what they opened (and the
     languages they saved) in one cache per build: pages come from the
     network when it answers (so online readers see the current build) and
     from the cache when it does not; the stylesheet, script and search files
     are named for their content, so the cache answers them first. A new
     build installs a new worker, which fetches the new versions of what the
     last one kept, then deletes the other builds' caches: a reader never
     gets pages of one build with files of another. */
  "use strict";

  var SCOPE = self.registration.scope; // the site's root, ending in "/"
  var PREFIX = "polybook " + SCOPE + " "; // this site's caches (others may share the origin)
  var CACHE = PREFIX + site.build;
  var LIST = /^[^/]+\/offline\.json$/; // a saved language's list, relative to SCOPE
  // A search folder of any build (a regular expression literal ending in
  // `\//` is what the build's minifier mistakes for a comment).
  var OLD_SEARCH = new RegExp("^search/[^/]+/");

  function absolute(path) { return new URL(path, SCOPE).href; }
  function relative(url) { return url.indexOf(SCOPE) === 0 ? url.slice(SCOPE.length) : null; }
  /* What a response is stored under: a folder's URL as its index.html, no query. */
  function key(url) {
    var u = new URL(url);
    u.hash = "";
    u.search = "";
    if (/\/$/.test(u.pathname)) u.pathname += "index.html";
    return u.href;
  }
  /* Files named for their content: never different under the same name. */
  function named(path) {
    return path.indexOf("search/") === 0 || /\.[0-9a-f]{10}\.(css|js)$/.test(path);
  }
  function newerBuildComing() {
    return !!(self.registration.installing || self.registration.waiting);
  }

  /* Keeps a response of this build: never one that a newer worker's build
     may have sent (a deploy is being installed), nor an error or redirect,
     nor a language's list (the page stores it once the language is saved). */
  function store(url, response) {
    var path = relative(url).split(/[?#]/)[0];
    if (!response.ok || response.redirected || response.type !== "basic" || newerBuildComing() || LIST.test(path)) {
      return Promise.resolve();
    }
    // Gone once a newer worker took over: not made again.
    return caches.has(CACHE).then(function (mine) {
      return mine && caches.open(CACHE).then(function (cache) { return cache.put(key(url), response); });
    });
  }
  function cached(url) {
    return caches.open(CACHE).then(function (cache) { return cache.match(key(url)); });
  }

  function networkFirst(event) {
    var request = event.request;
    // A page: first see whether a new build is out, so that its page is not
    // kept here. Not waited for by the event: the new worker takes over only
    // once this one's events are over.
    var checked = request.mode === "navigate"
      ? self.registration.update().catch(function () { /* offline, or no worker there */ })
      : Promise.resolve();
    return fetch(request).then(function (response) {
      var copy = response.clone();
      checked.then(function () { return store(request.url, copy); });
      return response;
    }, function (failure) {
      return cached(request.url).then(function (hit) {
        if (hit) return hit;
        throw failure;
      });
    });
  }

  function cacheFirst(event) {
    var request = event.request;
    return cached(request.url).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        event.waitUntil(store(request.url, response.clone()));
        return response;
      });
    });
  }

  self.addEventListener("fetch", function (event) {
    var path = relative(event.request.url);
    // Event streams (polybook serve's live reload) never end: not through here,
    // or a newer worker would wait for them to.
    var stream = /text\/event-stream/.test(event.request.headers.get("Accept") || "");
    if (event.request.method !== "GET" || path === null || stream) return;
    event.respondWith(named(path.split(/[?#]/)[0]) ? cacheFirst(event) : networkFirst(event));
  });

  /* Runs `task` on each item, a few at a time; settles when all have. */
  function each(items, task) {
    var next = 0;
    function worker() {
      if (next >= items.length) return Promise.resolve();
      var item = items[next++];
      return task(item).catch(function () { /* one file less */ }).then(worker);
    }
    var workers = [];
    for (var i = 0; i < 6; i++) workers.push(worker());
    return Promise.all(workers);
  }

  /* What this build should keep: its theme files and search entry points,
     the pages open now, and the new versions of what older builds of the
     site kept (their pages, their search files under this build's folder,
     and every file of the languages saved); and whether this is the site's
     first worker in this browser (no older build kept anything). */
  function wanted() {
    var urls = site.precache.map(absolute), first = true;
    return Promise.all([
      caches.keys(),
      self.clients.matchAll({ type: "window", includeUncontrolled: true }),
    ]).then(function (found) {
      found[1].forEach(function (client) { if (relative(client.url) !== null) urls.push(client.url); });
      var older = found[0].filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE; });
      first = older.length === 0;
      return Promise.all(older.map(function (name) {
        return caches.open(name).then(function (cache) { return cache.keys(); });
      }));
    }).then(function (lists) {
      var saved = [];
      lists.forEach(function (requests) {
        requests.forEach(function (request) {
          var path = relative(request.url);
          if (path === null) return;
          if (LIST.test(path)) saved.push(request.url);
          var moved = path.replace(OLD_SEARCH, site.search);
          if (moved !== path || !named(path)) urls.push(absolute(moved));
        });
      });
      return each(saved, function (url) {
        return fetch(url, { cache: "no-cache" }).then(function (response) { return response.json(); })
          .then(function (list) {
            list.own.concat(list.shared).forEach(function (file) { urls.push(absolute(file[0])); });
          });
      }).then(function () { return { urls: urls, first: first }; });
    });
  }

  /* A file to keep, as installation gets it. A first visit has just
     received the page and its files: the browser's HTTP cache holds them
     (even from a host that sends no cache headers), so they are not
     downloaded twice, and what the page did not load (the search engine
     before any search) is kept once it is used. After a deploy the reader
     keeps what the older build kept: fetched anew, but a file named for its
     content may still come from the HTTP cache. Null: nothing to keep. */
  function fetchToKeep(url, first) {
    var received = first || named(relative(url).split(/[?#]/)[0])
      ? fetch(url, { cache: "only-if-cached", mode: "same-origin" }).catch(function () { return null; })
      : Promise.resolve(null);
    return received.then(function (response) {
      if (response && response.ok) return response;
      return first ? null : fetch(url, { cache: "no-cache" });
    });
  }

  self.addEventListener("install", function (event) {
    event.waitUntil(Promise.all([caches.open(CACHE), wanted()]).then(function (got) {
      var cache = got[0], first = got[1].first, seen = {};
      // Fetched as the page asked for it (a folder's address, not its
      // index.html: the HTTP cache knows the former), kept under its key.
      var urls = got[1].urls.filter(function (url) { return !seen[key(url)] && (seen[key(url)] = true); });
      return each(urls, function (url) {
        return cache.match(key(url)).then(function (hit) {
          if (hit) return null;
          return fetchToKeep(url.split("#")[0], first).then(function (response) {
            if (response && response.ok && !response.redirected) return cache.put(key(url), response);
            return null;
          });
        });
      });
    }).then(function () { return self.skipWaiting(); }));
  });

  /* Only this build's files stay: the older builds' caches go. */
  self.addEventListener("activate", function (event) {
    event.waitUntil(caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(PREFIX) === 0 && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); }));
  });
})
