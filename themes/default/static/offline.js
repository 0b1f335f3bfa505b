/* polybook default theme: "Save for offline reading" on a language home
   (home.html loads it there). polybook.js registers the service worker and
   hands the registration to window.PolybookOffline; without one (file://,
   polybook serve, no service workers) the control stays hidden. */
(function () {
  "use strict";

  var root = document.documentElement;

  /* Runs `task` on each item, a few at a time; `done` counts those that worked. */
  function each(items, task) {
    var next = 0, done = 0;
    function one() {
      if (next >= items.length) return Promise.resolve();
      return task(items[next++]).then(function () { done++; }, function () { /* counted out */ }).then(one);
    }
    return Promise.all([one(), one(), one(), one(), one(), one()]).then(function () { return done; });
  }

  /* "Save for offline reading": `<lang>/offline.json` lists the language's
     files and their sizes; they go into the cache of their build, which the
     worker answers from (and refreshes when a new build is out). The list
     itself, stored last, marks the language saved. */
  function setUpSaving(box, registered) {
    var listUrl = new URL(box.getAttribute("data-offline-list"), location.href).href;
    var size = box.querySelector("[data-offline-size]");
    var save = box.querySelector("[data-offline-save]");
    var remove = box.querySelector("[data-offline-remove]");
    var bar = box.querySelector("progress");
    var status = box.querySelector("[data-offline-status]");
    var strings = box.querySelector("template");
    var sizeText = size.textContent;
    var scope = "";

    function text(key) {
      var el = strings && strings.content.querySelector('[data-key="' + key + '"]');
      return el ? el.textContent : "";
    }
    function megabytes(bytes) {
      var mb = bytes / 1e6, digits = mb < 10 ? 1 : 0;
      try {
        return new Intl.NumberFormat(root.lang, { style: "unit", unit: "megabyte", maximumFractionDigits: digits }).format(mb);
      } catch (e) {
        return mb.toFixed(digits) + " MB";
      }
    }
    function load() {
      return fetch(listUrl, { cache: "no-cache" }).then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      });
    }
    function cacheOf(list) { return caches.open("polybook " + scope + " " + list.build); }
    function url(path) { return new URL(path, scope).href; }
    function show(saved, message) {
      save.hidden = saved;
      save.disabled = false;
      remove.hidden = !saved;
      bar.hidden = !saved || bar.value < bar.max; // full once saved here
      status.textContent = message;
    }

    registered.then(function (registration) {
      scope = registration.scope;
      return load();
    }).then(function (list) {
      size.textContent = sizeText.replace("%size%", megabytes(list.bytes));
      return cacheOf(list).then(function (cache) { return cache.match(listUrl); }).then(function (saved) {
        show(!!saved, saved ? text("saved") : "");
        box.hidden = false;
      });
    }).catch(function () { /* no worker or no list: the control stays hidden */ });

    save.addEventListener("click", function () {
      save.disabled = true;
      bar.hidden = false;
      bar.value = 0;
      status.textContent = text("saving");
      load().then(function (list) {
        var files = list.own.concat(list.shared), stored = 0;
        bar.max = list.bytes || 1;
        return cacheOf(list).then(function (cache) {
          return each(files, function (file) {
            return cache.match(url(file[0])).then(function (hit) {
              return hit || fetch(url(file[0]), { cache: "no-cache" }).then(function (response) {
                if (!response.ok) throw new Error(String(response.status));
                return cache.put(url(file[0]), response);
              });
            }).then(function () {
              stored += file[1];
              bar.value = stored;
            });
          }).then(function (done) {
            if (done < files.length) throw new Error("incomplete");
            var copy = new Response(JSON.stringify(list), { headers: { "Content-Type": "application/json" } });
            return cache.put(listUrl, copy);
          });
        });
      }).then(function () { show(true, text("saved")); }, function () { show(false, text("failed")); });
    });

    /* Forgets the language's own files; those every language shares stay. */
    remove.addEventListener("click", function () {
      load().then(function (list) {
        return cacheOf(list).then(function (cache) {
          return cache.delete(listUrl).then(function () {
            return each(list.own, function (file) { return cache.delete(url(file[0])); });
          });
        });
      }).then(function () { show(false, ""); save.focus(); }, function () { show(true, text("failed")); });
    });
  }

  window.PolybookOffline = function (registered) {
    var box = document.querySelector("[data-offline-list]");
    if (box) setUpSaving(box, registered);
  };
})();
