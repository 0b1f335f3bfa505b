/* polybook highlights on arrival: a page opened from a search result
   (`?highlight=words`) marks those words in its text, their other forms
   included (the page language's stemmer, from the search index), scrolls to
   the first mark of the section the result named (`#heading`), and shows
   "2 of 7" with previous/next and close. polybook.js loads this file, from
   the index's folder beside engine.js, only on such a page.

   The words come from the address and are only ever compared with the
   page's words: nothing of them is inserted as HTML. */
(function () {
  "use strict";

  var doc = document, root = doc.documentElement;
  var form = doc.querySelector("form[data-search-engine]");
  var params = new URLSearchParams(location.search);
  var raw = params.get("highlight");
  if (!form || raw === null || root.hasAttribute("data-highlighted")) return;
  root.setAttribute("data-highlighted", "");

  /* The address without the words, so a copied link is clean. */
  params.delete("highlight");
  var rest = params.toString();
  try {
    history.replaceState(history.state, "", location.pathname + (rest ? "?" + rest : "") + location.hash);
  } catch (e) { /* some file:// browsers refuse: the marks still show */ }

  var lang = root.getAttribute("data-lang") || root.lang;
  var strings = doc.getElementById("search-strings");
  function text(key) {
    var el = strings && strings.content.querySelector('[data-key="' + key + '"]');
    return el ? el.textContent : "";
  }

  /* The marks' and the bar's look: the theme's colours, and first in the
     head, so the theme's stylesheet can restyle them. The marks take no room
     (a background and a shadow), so nothing moves. */
  var STYLE =
    "mark.search-mark{padding:0;background:var(--mark-bg,#fce9a8);color:var(--text,inherit);" +
    "box-shadow:0 0 0 .08em var(--mark-bg,#fce9a8);border-radius:.1em}" +
    "mark.search-mark.is-current{outline:2px solid var(--accent,currentColor);outline-offset:1px}" +
    ".search-mark-bar{position:fixed;z-index:30;inset-block-end:.75rem;inset-inline-end:.75rem;" +
    "display:flex;align-items:center;gap:.3rem;padding-block:.3rem;padding-inline:.8rem .35rem;" +
    "background:var(--surface,Canvas);color:var(--text,CanvasText);border:1px solid var(--border,GrayText);" +
    "border-radius:var(--radius,.5rem);box-shadow:var(--panel-shadow,none)}" +
    ".search-mark-count{margin:0;margin-inline-end:.3rem;font-size:var(--step--1,.9rem);font-variant-numeric:tabular-nums}" +
    ".search-mark-bar button{min-width:2.4rem;min-height:2.4rem;padding:0;line-height:1}" +
    "@media print{.search-mark-bar{display:none}}";
  function style() {
    var el = doc.createElement("style");
    el.textContent = STYLE;
    doc.head.insertBefore(el, doc.head.firstChild);
  }

  function engine() {
    if (window.PolybookSearch) return Promise.resolve(window.PolybookSearch);
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = form.getAttribute("data-search-engine");
      script.onload = function () { window.PolybookSearch ? resolve(window.PolybookSearch) : reject(); };
      script.onerror = reject;
      doc.head.appendChild(script);
    });
  }

  var WORD_RE = /[\p{Alphabetic}\p{N}\p{M}]+/gu;
  var SKIP = "script, style, mark, button, input, textarea, select, svg, .visually-hidden, [hidden]";

  /* The text nodes of the article's title, lead and body, in order. */
  function textNodes() {
    var places = doc.querySelectorAll(".article-head h1, .article-head .lead, .article-body");
    var nodes = [];
    for (var i = 0; i < places.length; i++) {
      var walker = doc.createTreeWalker(places[i], NodeFilter.SHOW_TEXT, {
        acceptNode: function (n) {
          if (!n.nodeValue.trim()) return NodeFilter.FILTER_REJECT;
          return n.parentElement && n.parentElement.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
        },
      });
      for (var n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    }
    return nodes;
  }

  /* Wraps every word `matches` accepts in <mark class="search-mark">. */
  function mark(matches) {
    var marks = [];
    textNodes().forEach(function (node) {
      var value = node.nodeValue;
      var pieces = [];
      var at = 0, m;
      WORD_RE.lastIndex = 0;
      while ((m = WORD_RE.exec(value))) {
        if (!matches(m[0])) continue;
        pieces.push([m.index, m.index + m[0].length]);
      }
      if (!pieces.length) return;
      var frag = doc.createDocumentFragment();
      pieces.forEach(function (p) {
        if (p[0] > at) frag.appendChild(doc.createTextNode(value.slice(at, p[0])));
        var el = doc.createElement("mark");
        el.className = "search-mark";
        el.textContent = value.slice(p[0], p[1]);
        frag.appendChild(el);
        marks.push(el);
        at = p[1];
      });
      if (at < value.length) frag.appendChild(doc.createTextNode(value.slice(at)));
      node.parentNode.replaceChild(frag, node);
    });
    return marks;
  }

  function unmark(marks) {
    marks.forEach(function (el) {
      var parent = el.parentNode;
      if (!parent) return;
      parent.replaceChild(doc.createTextNode(el.textContent), el);
      parent.normalize();
    });
  }

  /* The first mark at or after the heading the address names, else the first. */
  function startAt(marks) {
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { id = location.hash.slice(1); }
    var target = id && doc.getElementById(id);
    if (!target) return 0;
    for (var i = 0; i < marks.length; i++) {
      if (target.compareDocumentPosition(marks[i]) & Node.DOCUMENT_POSITION_FOLLOWING) return i;
    }
    return 0;
  }

  function button(className, label, key, glyph) {
    var el = doc.createElement("button");
    el.type = "button";
    el.textContent = glyph;
    el.className = className;
    el.setAttribute("aria-label", label);
    el.title = label + " (" + key + ")";
    el.setAttribute("aria-keyshortcuts", key);
    return el;
  }

  /* The bar at the bottom of the screen: "2 of 7", previous, next, close. */
  function bar(marks) {
    var current = startAt(marks);
    var box = doc.createElement("div");
    box.className = "search-mark-bar";
    var count = doc.createElement("p");
    count.className = "search-mark-count";
    count.setAttribute("aria-live", "polite");
    var prev = button("search-mark-prev", text("hl-previous"), "Shift+N", "\u2191");
    var next = button("search-mark-next", text("hl-next"), "N", "\u2193");
    var close = button("search-mark-close", text("hl-close"), "Escape", "\u2715");
    box.appendChild(count);
    box.appendChild(prev);
    box.appendChild(next);
    box.appendChild(close);

    function show(i, scroll) {
      marks[current].classList.remove("is-current");
      current = (i + marks.length) % marks.length;
      marks[current].classList.add("is-current");
      count.textContent = text("hl-position")
        .replace("%current%", String(current + 1))
        .replace("%total%", String(marks.length));
      if (scroll) marks[current].scrollIntoView({ block: "center" });
    }
    function end() {
      unmark(marks);
      box.remove();
      doc.removeEventListener("keydown", keys);
    }
    function keys(event) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      var el = doc.activeElement;
      if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
      if (event.key === "Escape") { event.preventDefault(); end(); }
      else if (event.key === "n") { event.preventDefault(); show(current + 1, true); }
      else if (event.key === "N") { event.preventDefault(); show(current - 1, true); }
    }
    prev.addEventListener("click", function () { show(current - 1, true); });
    next.addEventListener("click", function () { show(current + 1, true); });
    close.addEventListener("click", end);
    doc.addEventListener("keydown", keys);
    // In the main landmark, after the article: read after it, shown over it.
    (doc.getElementById("main") || doc.body).appendChild(box);
    show(current, true);
  }

  engine().then(function (api) {
    var words = api.queryWords(raw).words;
    var prefix = /\*\s*$/.test(raw) && words.length ? words[words.length - 1] : null;
    if (!words.length) return;
    var search = api.create({ manifestUrl: form.getAttribute("data-search-index") });
    return search.stemKeys(lang, words).then(function (keys) {
      var exact = new Set(words);
      var stems = new Set(keys.filter(function (k) { return k !== null; }));
      var seen = new Map();
      style();
      var marks = mark(function (word) {
        var folded = api.fold(word);
        if (seen.has(folded)) return seen.get(folded);
        var hit = exact.has(folded) || (prefix !== null && folded.startsWith(prefix)) ||
          stems.has(search.stemKeyOf(lang, folded));
        seen.set(folded, hit);
        return hit;
      });
      if (marks.length) bar(marks);
    });
  }).catch(function () { /* no index: the page reads as it is */ });
})();
