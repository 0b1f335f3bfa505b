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

  /* Remember an explicit language choice (chooser, switcher, translation
     links), and the language of a home page the reader opens (the root
     chooser's negotiation lands there too); not merely that of an article
     opened from search or a topic. An article with no version in the
     remembered language shows its notice in it (inline in article.html, so
     that it is there before the page is drawn). */
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-lang]");
    if (link) store(LANG_KEY, link.getAttribute("data-lang"));
  });
  /* data-lang: the language's code as its folder writes it (pt-br), where
     lang has the canonical tag (pt-BR); notices are marked with the code. */
  var ownLang = root.getAttribute("data-lang") || root.lang;
  if (document.body.classList.contains("kind-home") && ownLang) store(LANG_KEY, ownLang);

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

  /* Language chooser: go to the remembered language, else the first of
     navigator.languages the site has (exactly, or by its primary subtag:
     hr-HR -> hr), else the default language. `#choose` shows the list. */
  var chooser = document.querySelector("[data-language-chooser]");
  if (chooser && location.hash !== "#choose") {
    var targets = {};
    var links = chooser.querySelectorAll("a[data-lang]");
    for (var j = 0; j < links.length; j++) {
      targets[links[j].getAttribute("data-lang").toLowerCase()] = links[j].href;
    }
    var wanted = [recall(LANG_KEY) || ""].concat(navigator.languages || [navigator.language || ""]);
    wanted.push(chooser.getAttribute("data-default-lang") || "");
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

  /* The table of contents marks the section being read. */
  var tocLinks = document.querySelectorAll('.toc a[href^="#"]');
  var tocHeads = [], tocMarks = [], tocTicking = false, tocAt = -1;
  for (var h = 0; h < tocLinks.length; h++) {
    var head = document.getElementById(decodeURIComponent(tocLinks[h].getAttribute("href").slice(1)));
    if (head) { tocHeads.push(head); tocMarks.push(tocLinks[h]); }
  }
  function markSection() {
    tocTicking = false;
    var line = window.innerHeight * 0.3, at = -1;
    for (var i = 0; i < tocHeads.length && tocHeads[i].getBoundingClientRect().top <= line; i++) at = i;
    var bottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
    if (bottom && at >= 0) at = tocHeads.length - 1;
    if (at === tocAt) return;
    if (tocAt >= 0) tocMarks[tocAt].removeAttribute("aria-current");
    if (at >= 0) tocMarks[at].setAttribute("aria-current", "location");
    tocAt = at;
  }
  if (tocHeads.length) {
    window.addEventListener("scroll", function () {
      if (!tocTicking) { tocTicking = true; requestAnimationFrame(markSection); }
    }, { passive: true });
    markSection();
  }

  /* Print: say where links go. Relative links are shown as their published
     address (resolved against the canonical URL), never a file:// path. */
  var canonical = document.querySelector('link[rel="canonical"]');
  var published = canonical ? canonical.href : location.href;
  var proseLinks = document.querySelectorAll(".prose a[href]");
  for (var pl = 0; pl < proseLinks.length; pl++) {
    var ref = proseLinks[pl].getAttribute("href");
    if (/^#/.test(ref) || proseLinks[pl].closest("h1, h2, h3, h4, h5, h6")) continue;
    var target;
    try { target = new URL(ref, published); } catch (e) { continue; }
    if (!/^https?:$/.test(target.protocol)) continue;
    proseLinks[pl].setAttribute("data-print-href", target.href.replace(/\/index\.html(?=$|[?#])/, "/"));
  }

  /* Search page: keep the query of ?q= in the search box. */
  var params = new URLSearchParams(location.search);
  var query = params.get("q");
  if (query) {
    var boxes = document.querySelectorAll('form[role="search"] input[type="search"]');
    for (var b = 0; b < boxes.length; b++) if (!boxes[b].value) boxes[b].value = query;
  }

  /* Search as you type. The engine (search/<build>/engine.js, beside the
     index) is loaded on first use; results are <a> elements in
     #search-results. Everything shown is built with textContent, never HTML. */
  var searchForm = document.querySelector('form[role="search"][data-search-engine]');
  /* Opened from a result (?highlight=): the index's highlight.js marks the words. */
  if (params.has("highlight") && searchForm && window.Promise) {
    var hl = document.createElement("script");
    hl.src = searchForm.getAttribute("data-search-engine").replace(/engine\.js$/, "highlight.js");
    document.head.appendChild(hl);
  }
  var searchResults = document.getElementById("search-results");
  if (searchForm && searchResults && window.Promise) setUpSearch(searchForm, searchResults);

  function setUpSearch(form, results) {
    var input = form.querySelector('input[type="search"]');
    var scopeBox = form.querySelector(".search-scope");
    var radios = form.querySelectorAll('input[name="lang"]');
    var strings = document.getElementById("search-strings");
    var status = form.querySelector("[data-search-status]");
    var pageLang = form.getAttribute("data-lang") || root.lang;
    var onSearchPage = document.body.classList.contains("kind-search");
    // A screenful at a time: each result costs a request for its text.
    var pageSize = onSearchPage ? 10 : 8;
    var shown = pageSize;
    var engine = null, made = null, timer = 0, seq = 0;
    if (!input) return;
    if (scopeBox) scopeBox.hidden = false;

    function text(key) {
      var el = strings && strings.content.querySelector('[data-key="' + key + '"]');
      return el ? el.textContent : "";
    }
    function languageName(code) {
      var el = strings && strings.content.querySelector('[data-lang-name="' + code + '"]');
      return el ? el.textContent : code.toUpperCase();
    }
    /* "N results" in the page's language. Fluent ran at build time for some
       sample counts; take the sample in the same CLDR plural category as N
       and put N in place of the sample's number. */
    function countText(n) {
      var samples = strings ? strings.content.querySelectorAll("[data-count]") : [];
      var rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(pageLang) : null;
      var pick = null;
      for (var i = 0; i < samples.length; i++) {
        var sample = Number(samples[i].getAttribute("data-count"));
        if (sample === n) return samples[i].textContent;
        if (!pick && rules && rules.select(sample) === rules.select(n)) pick = samples[i];
      }
      pick = pick || samples[samples.length - 1];
      return pick ? pick.textContent.replace(pick.getAttribute("data-count"), String(n)) : String(n);
    }

    function scope() {
      for (var i = 0; i < radios.length; i++) if (radios[i].checked) return radios[i].value;
      return pageLang;
    }
    function setScope(value) {
      for (var i = 0; i < radios.length; i++) radios[i].checked = radios[i].value === value;
    }
    if (onSearchPage && params.get("lang")) setScope(params.get("lang"));

    /* Filters (search page): ?topic=&section=, counted while open (that needs every topic's list). */
    var filters = form.querySelector("[data-search-filters]");
    var selects = filters ? [form.elements.topic, form.elements.section] : [];
    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted) { select.add(new Option(wanted, wanted)); select.value = wanted; filters.open = true; }
      select.onchange = function () { run(true); };
    });
    if (filters) filters.ontoggle = function () { if (filters.open) run(true); };
    function chosen(name) {
      var select = form.elements[name];
      return (select && select.value) || null;
    }

    function getEngine() {
      if (engine) return engine;
      engine = new Promise(function (resolve, reject) {
        function make() {
          if (!window.PolybookSearch) { reject(new Error("no engine")); return; }
          resolve(made = window.PolybookSearch.create({ manifestUrl: form.getAttribute("data-search-index") }));
        }
        if (window.PolybookSearch) { make(); return; }
        var script = document.createElement("script");
        script.src = form.getAttribute("data-search-engine");
        script.onload = make;
        script.onerror = reject;
        document.head.appendChild(script);
      });
      engine.catch(function () { engine = null; }); // retry on the next keystroke
      return engine;
    }

    function resultUrl(url) {
      var href = (form.getAttribute("data-root") || "") + url;
      if (/\/$/.test(href)) href += form.getAttribute("data-index") || (location.protocol === "file:" ? "index.html" : "");
      return href;
    }
    function node(tag, className, content) {
      var el = document.createElement(tag);
      if (className) el.className = className;
      if (content != null) el.textContent = content;
      return el;
    }
    function segments(parent, parts) {
      for (var i = 0; i < parts.length; i++) {
        parent.appendChild(parts[i].mark ? node("mark", "", parts[i].text) : document.createTextNode(parts[i].text));
      }
      return parent;
    }
    /* A result's link, or a section's: its title in the document's language;
       a result in another language may be written the other way (ar on a pt page). */
    function entry(className, href, doc, titleClass, title) {
      var link = node("a", className);
      link.href = href;
      link.lang = doc.lang;
      if (doc.lang !== pageLang) link.dir = "auto";
      link.appendChild(segments(node("span", titleClass), title));
      return link;
    }
    function item(child, className) {
      var li = node("li", className);
      li.appendChild(child);
      return li;
    }
    function button(label, action) {
      var el = node("button", "", label);
      el.type = "button";
      el.addEventListener("click", action);
      return el;
    }
    /* Tells screen readers the outcome once, not the whole list. */
    function announce(message) {
      if (status && status.textContent !== message) status.textContent = message;
    }
    function clear() {
      seq++;
      clearTimeout(timer);
      results.textContent = "";
      results.removeAttribute("aria-busy");
      form.classList.remove("is-active");
      announce("");
    }
    function searchAll() {
      setScope("all");
      input.focus(); // the button goes away with the results it belongs to
      run(true);
    }

    /* The query with each forgiven typo replaced by the word it was taken for. */
    function corrected(q, corrections) {
      var words = window.PolybookSearch.queryWords(q).words.map(function (word) {
        for (var i = 0; i < corrections.length; i++) if (corrections[i][0] === word) return corrections[i][1];
        return word;
      });
      return saying("search-corrected", "corrected", words.join(" "));
    }
    /* A line of the catalog's `key` with `words` in bold in place of %query%. */
    function saying(className, key, words) {
      var line = node("p", className);
      var parts = text(key).split("%query%");
      line.appendChild(document.createTextNode(parts[0] || ""));
      line.appendChild(node("strong", "", words));
      line.appendChild(document.createTextNode(parts.slice(1).join("%query%")));
      return line;
    }
    function suggestions(q, api) {
      var manifest = api.store.manifest;
      var found = api.suggestTopics(q);
      if (!found.length) return null;
      var box = node("div", "search-suggestions");
      box.appendChild(node("p", "", text("topics")));
      var list = node("ul", "tags search-topic-links");
      found.forEach(function (s) {
        var topic = (manifest.topics || []).filter(function (t) { return t.id === s.id; })[0];
        var link = node("a", "tag topic-chip", api.topicName(topic, pageLang));
        link.href = resultUrl(pageLang + "/topics/" + encodeURIComponent(s.id) + "/");
        list.appendChild(item(link));
      });
      box.appendChild(list);
      return box;
    }

    function render(q, found, docs, elsewhere, api) {
      results.textContent = "";
      var actions = node("p", "search-actions");
      if (found.corrections && found.corrections.length && found.total) {
        results.appendChild(corrected(q, found.corrections));
      }
      if (found.also.length && found.total) results.appendChild(saying("search-also", "also", found.also.join(", ")));
      if (!found.total) {
        var none = results.getAttribute("data-no-results") || text("no-results");
        results.appendChild(node("p", "search-empty", none));
        var related = suggestions(q, api);
        if (related) results.appendChild(related);
        else results.appendChild(node("p", "search-hint", text("hint")));
        announce(none + " " + (related ? text("topics") : text("hint")));
      } else {
        results.appendChild(node("p", "search-count", countText(found.total)));
        announce(countText(found.total));
        var list = node("ul", "search-hits");
        var words = window.PolybookSearch.highlightWords(found);
        var mark = words ? "?highlight=" + encodeURIComponent(words) : "";
        found.hits.forEach(function (hit, i) {
          var doc = docs[i];
          var href = resultUrl(doc.url) + mark;
          var link = entry("search-hit", href, doc, "search-hit-title", api.highlight(doc.title, hit.terms));
          link.setAttribute("hreflang", doc.lang);
          if (doc.lang !== pageLang) link.appendChild(node("span", "lang-badge", languageName(doc.lang)));
          link.appendChild(segments(node("span", "search-hit-snippet"), api.snippet(doc, hit.terms)));
          var card = item(link, "search-card");
          var parts = api.sections(doc, found.wordTerms);
          if (parts.length) {
            var sublist = card.appendChild(node("ul", "search-sections"));
            parts.forEach(function (part) {
              var sub = entry("search-section", href + "#" + encodeURIComponent(part.id), doc, "search-section-heading", part.heading);
              sub.appendChild(segments(node("span", "search-hit-snippet"), part.snippet));
              sublist.appendChild(item(sub));
            });
          }
          list.appendChild(card);
        });
        results.appendChild(list);
        if (found.total > found.hits.length) {
          if (onSearchPage) actions.appendChild(button(text("more"), showMore));
          else actions.appendChild(button(text("show-all"), function () { form.submit(); }));
        }
      }
      if (elsewhere > found.total) {
        actions.appendChild(button(text("try-all") + " (" + countText(elsewhere) + ")", searchAll));
      }
      if (actions.firstChild) results.appendChild(actions);
    }

    function showMore() {
      var from = shown;
      shown += pageSize;
      run(true, function () {
        var link = links()[from];
        if (link) link.focus();
      });
    }

    function syncUrl(q) {
      if (!onSearchPage || !window.history || !history.replaceState) return;
      var next = new URLSearchParams(location.search);
      if (q) next.set("q", q); else next.delete("q");
      if (scope() === "all") next.set("lang", "all"); else next.delete("lang");
      selects.forEach(function (select) {
        if (select.value) next.set(select.name, select.value); else next.delete(select.name);
      });
      var search = next.toString();
      try {
        history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
      } catch (e) { /* some file:// browsers refuse */ }
    }

    function run(now, then) {
      clearTimeout(timer);
      var q = input.value;
      if (!then) shown = pageSize;
      syncUrl(q.trim() ? q : "");
      // One letter neither matches as a prefix nor says much: wait for more
      // (unless a filter lists its pages).
      var filter = { topic: chosen("topic"), section: chosen("section"), facets: !!(filters && filters.open) };
      if (q.trim().length < 2) {
        if (!filter.topic && !filter.section) { clear(); return; }
        q = "";
      }
      var mine = ++seq;
      var lang = filter.lang = scope();
      filter.limit = shown;
      // What is loaded answers at once (in this frame); a wait lets a quick
      // typist's next key spare the downloads.
      var warm = now || (made && made.cached(q, filter));
      // Busy from the moment the answer is asked for, not when it is worked
      // on: what is shown now answers an older query (screen readers wait,
      // and the tests know the shown results are final when it is gone).
      results.setAttribute("aria-busy", "true");
      timer = setTimeout(function () {
        form.classList.add("is-active");
        getEngine().then(function (api) {
          return api.search(q, filter).then(function (found) {
            // Results in every language, to offer them when this one has
            // less than a screenful (it needs every language's stemmer).
            var few = found.total < shown;
            var others = lang === "all" || !few ? found : api.search(q, { lang: "all", limit: 0, topic: filter.topic, section: filter.section });
            return Promise.all([
              Promise.all(found.hits.map(function (hit) { return api.doc(hit.doc); })),
              others,
            ]).then(function (loaded) {
              if (mine !== seq) return;
              results.removeAttribute("aria-busy");
              render(q, found, loaded[0], loaded[1].total, api);
              if (found.facets) selects.forEach(function (select) {
                var value = select.value;
                select.length = 1;
                api.filterChoices(found, select.name, value, pageLang).forEach(function (c) { select.add(new Option(c[1], c[0])); });
                select.value = value;
              });
              if (then) then();
            });
          });
        }).catch(function () {
          if (mine !== seq) return;
          results.removeAttribute("aria-busy");
          results.textContent = "";
          results.appendChild(node("p", "search-empty", text("error")));
          announce(text("error"));
        });
      }, warm ? 0 : 120);
    }

    input.addEventListener("input", function () { open(); run(false); });

    /* In the header, the results panel lies over the page: it closes when the
       reader moves on (a click or focus outside the form) and comes back with
       its results when the search box is focused again. */
    function open() { form.classList.remove("is-closed"); }
    if (!onSearchPage) {
      input.addEventListener("focus", open);
      document.addEventListener("pointerdown", function (event) {
        if (!form.contains(event.target)) form.classList.add("is-closed");
      });
      form.addEventListener("focusout", function (event) {
        if (event.relatedTarget && !form.contains(event.relatedTarget)) form.classList.add("is-closed");
      });
    }
    input.addEventListener("focus", function () {
      getEngine().then(function (api) { return api.ready(); }).catch(function () { /* shown on search */ });
    }, { once: true });
    for (var r = 0; r < radios.length; r++) radios[r].addEventListener("change", function () { run(true); });
    if (onSearchPage) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        run(true);
      });
    }

    /* Keys: ArrowDown/ArrowUp walk the results, Enter follows one, Escape clears. */
    function links() {
      return Array.prototype.slice.call(results.querySelectorAll("a"));
    }
    function reset() {
      input.value = "";
      clear();
      syncUrl("");
      input.focus();
    }
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        var first = links()[0];
        if (first) { event.preventDefault(); first.focus(); }
      } else if (event.key === "Escape" && input.value) {
        event.preventDefault();
        reset();
      }
    });
    results.addEventListener("keydown", function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (event.key === "Escape") { event.preventDefault(); reset(); return; }
      if (at < 0) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (at + 1 < all.length) all[at + 1].focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        (at > 0 ? all[at - 1] : input).focus();
      }
    });

    if (onSearchPage && (input.value.trim() || chosen("topic") || chosen("section"))) run(true);
  }

  /* "/" focuses the search box unless the reader is typing somewhere. */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var el = document.activeElement;
    if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
    var box = document.querySelector('form[role="search"] input[type="search"]');
    if (box) { event.preventDefault(); box.focus(); box.select(); }
  });

  /* Offline reading: a service worker at the site's root (its folder is the
     scope), over http(s) only and never in polybook serve (its live client). */
  var worker = document.body.getAttribute("data-offline-worker");
  if (worker && !document.querySelector("script[data-polybook-live]") && /^https?:$/.test(location.protocol) &&
      navigator.serviceWorker && window.caches) {
    window.addEventListener("load", function () {
      var registered = navigator.serviceWorker.register(worker, { updateViaCache: "none" });
      registered.catch(function () { /* refused: pages work as before */ });
      if (window.PolybookOffline) window.PolybookOffline(registered); // offline.js, on homes
    });
  }

  /* Print page: a print button. */
  var printers = document.querySelectorAll("[data-print]");
  for (var p = 0; p < printers.length; p++) {
    printers[p].hidden = false;
    printers[p].addEventListener("click", function () { window.print(); });
  }
})();
