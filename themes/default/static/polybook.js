/* polybook default theme: small progressive enhancements, no dependencies.
   Loaded with `defer`; every page works without it. */
(function () {
  "use strict";

  var THEME_KEY = "polybook-theme";
  var LANG_KEY = "polybook-lang";
  var root = document.documentElement;

  function store(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* storage disabled */ }
  }
  function recall(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }

  /* Dark mode toggle: data-theme on <html>, remembered. */
  var darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function isDark() {
    var set = root.getAttribute("data-theme");
    if (set === "dark" || set === "light") return set === "dark";
    return !!(darkQuery && darkQuery.matches);
  }
  var toggles = document.querySelectorAll("[data-theme-toggle]");
  function syncToggles() {
    for (var i = 0; i < toggles.length; i++) toggles[i].setAttribute("aria-pressed", String(isDark()));
  }
  for (var i = 0; i < toggles.length; i++) {
    toggles[i].hidden = false;
    toggles[i].addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      store(THEME_KEY, next);
      syncToggles();
    });
  }
  if (darkQuery && darkQuery.addEventListener) darkQuery.addEventListener("change", syncToggles);
  syncToggles();

  /* Remember an explicit language choice (chooser, switcher, translation links). */
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-lang]");
    if (link) store(LANG_KEY, link.getAttribute("data-lang"));
  });

  /* file:// has no directory index: point directory links at index.html. */
  if (location.protocol === "file:") {
    var fix = function (url) {
      if (!url || /^([a-z][a-z0-9+.-]*:|\/\/|#|\/)/i.test(url)) return url;
      var cut = url.search(/[?#]/);
      var path = cut < 0 ? url : url.slice(0, cut);
      var rest = cut < 0 ? "" : url.slice(cut);
      if (path === "") return url;
      if (path === "." || path === ".." || /\/\.\.?$/.test(path)) path += "/";
      return /\/$/.test(path) ? path + "index.html" + rest : url;
    };
    var anchors = document.querySelectorAll("a[href]");
    for (var a = 0; a < anchors.length; a++) {
      var fixed = fix(anchors[a].getAttribute("href"));
      if (fixed !== anchors[a].getAttribute("href")) anchors[a].setAttribute("href", fixed);
    }
    var forms = document.querySelectorAll("form[action]");
    for (var f = 0; f < forms.length; f++) {
      forms[f].setAttribute("action", fix(forms[f].getAttribute("action")));
    }
  }

  /* Language chooser: go to the remembered language, else the best match of
     navigator.languages on the primary subtag (hr-HR -> hr). */
  var chooser = document.querySelector("[data-language-chooser]");
  if (chooser && location.hash !== "#choose") {
    var targets = {};
    var links = chooser.querySelectorAll("a[data-lang]");
    for (var j = 0; j < links.length; j++) {
      targets[links[j].getAttribute("data-lang").toLowerCase()] = links[j].href;
    }
    var wanted = [recall(LANG_KEY) || ""].concat(navigator.languages || [navigator.language || ""]);
    for (var k = 0; k < wanted.length; k++) {
      var tag = String(wanted[k] || "").toLowerCase();
      var hit = targets[tag] || targets[tag.split("-")[0]];
      if (hit) { location.replace(hit); return; }
    }
  }

  /* Table of contents: open beside the text on wide screens, folded on phones. */
  var wide = window.matchMedia ? window.matchMedia("(min-width: 1100px)") : null;
  var tocs = document.querySelectorAll(".has-toc > .toc details");
  function syncToc() {
    for (var t = 0; t < tocs.length; t++) tocs[t].open = !!(wide && wide.matches);
  }
  for (var s = 0; s < tocs.length; s++) {
    tocs[s].querySelector("summary").addEventListener("click", function (event) {
      if (wide && wide.matches) event.preventDefault();
    });
  }
  if (tocs.length) {
    syncToc();
    if (wide && wide.addEventListener) wide.addEventListener("change", syncToc);
  }

  /* Search page: keep the query of ?q= in the search box. */
  var query = new URLSearchParams(location.search).get("q");
  if (query) {
    var boxes = document.querySelectorAll('form[role="search"] input[type="search"]');
    for (var b = 0; b < boxes.length; b++) if (!boxes[b].value) boxes[b].value = query;
  }

  /* "/" focuses the search box unless the reader is typing somewhere. */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var el = document.activeElement;
    if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
    var box = document.querySelector('form[role="search"] input[type="search"]');
    if (box) { event.preventDefault(); box.focus(); box.select(); }
  });

  /* Print page: a print button. */
  var printers = document.querySelectorAll("[data-print]");
  for (var p = 0; p < printers.length; p++) {
    printers[p].hidden = false;
    printers[p].addEventListener("click", function () { window.print(); });
  }
})();
