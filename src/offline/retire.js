/* polybook serve: what it answers in place of a built site's service worker.
   A worker a build registered on this address (a built site once served here)
   updates to this one, which deletes what it stored, unregisters and reloads
   its tabs from the server: a preview is never answered from a cache. */
"use strict";
self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf("polybook ") === 0; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () {
    return self.registration.unregister();
  }).then(function () {
    return self.clients.matchAll({ type: "window" });
  }).then(function (tabs) {
    tabs.forEach(function (tab) { tab.navigate(tab.url); });
  }));
});
