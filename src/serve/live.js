(function (cfg) {
  /* polybook serve: live reload and the error overlay. Injected by the server
     into HTML responses only; built sites never carry it. */
  "use strict";
  var SCROLL_KEY = "polybook-serve-scroll:" + location.pathname;
  var since = cfg.generation;

  try {
    var saved = sessionStorage.getItem(SCROLL_KEY);
    if (saved !== null) {
      sessionStorage.removeItem(SCROLL_KEY);
      var restore = function () { window.scrollTo(0, Number(saved) || 0); };
      if (document.readyState === "complete") restore();
      else window.addEventListener("load", restore);
    }
  } catch (e) { /* storage disabled: the page opens at the top */ }

  function reload() {
    try { sessionStorage.setItem(SCROLL_KEY, String(window.scrollY)); } catch (e) { /* see above */ }
    location.reload();
  }

  function swapStylesheets(pairs) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      for (var j = 0; j < pairs.length; j++) {
        var href = links[i].href, from = "/" + pairs[j][0];
        if (href.slice(-from.length) === from) {
          links[i].href = href.slice(0, href.length - from.length) + "/" + pairs[j][1];
        }
      }
    }
  }

  function element(tag, text, style) {
    var el = document.createElement(tag);
    if (text) el.textContent = text;
    if (style) el.style.cssText = style;
    return el;
  }

  function showErrors(errors) {
    var old = document.getElementById("polybook-overlay");
    if (old) old.parentNode.removeChild(old);
    if (!errors || !errors.length) return;
    var box = element("div", "", "position:fixed;inset:0 0 auto 0;max-height:70vh;overflow:auto;z-index:2147483647;" +
      "background:#2b0b0b;color:#fff;font:15px/1.5 system-ui,sans-serif;padding:1.25rem 1.5rem;" +
      "border-bottom:4px solid #e5484d;box-shadow:0 4px 24px rgba(0,0,0,.5)");
    box.id = "polybook-overlay";
    box.setAttribute("role", "alert");
    box.lang = cfg.lang;
    box.appendChild(element("strong", cfg.title, "display:block;font-size:1.15rem"));
    box.appendChild(element("p", cfg.hint, "margin:.25rem 0 .75rem;opacity:.85"));
    var list = element("ul", "", "margin:0;padding:0;list-style:none");
    for (var i = 0; i < errors.length; i++) {
      var item = element("li", "", "margin:.5rem 0");
      item.appendChild(element("code", errors[i].location, "color:#ffb4b4;font-weight:bold"));
      item.appendChild(element("span", " " + errors[i].message, "white-space:pre-wrap"));
      if (errors[i].hint) item.appendChild(element("div", errors[i].hint, "opacity:.75"));
      list.appendChild(item);
    }
    box.appendChild(list);
    document.body.appendChild(box);
  }

  function connect() {
    var url = "/__polybook/events?instance=" + encodeURIComponent(cfg.instance) +
      "&since=" + since + "&page=" + encodeURIComponent(location.pathname);
    var events = new EventSource(url);
    events.onmessage = function (message) {
      var state = JSON.parse(message.data);
      showErrors(state.errors);
      if (state.reload) { events.close(); reload(); return; }
      if (state.stylesheets.length) swapStylesheets(state.stylesheets);
      since = state.generation;
    };
    events.onerror = function () {
      events.close();
      setTimeout(connect, 1000);
    };
  }

  /* The editors' desk: "Edit" opens this page's editing view. */
  function addEditLink() {
    if (!cfg.edit || window.top !== window) return;
    var link = element("a", cfg.edit, "position:fixed;inset-block-end:1rem;inset-inline-end:1rem;z-index:2147483646;" +
      "background:#0b57d0;color:#fff;font:600 15px/1 system-ui,sans-serif;padding:.75rem 1rem;border-radius:2rem;" +
      "text-decoration:none;box-shadow:0 2px 8px rgba(0,0,0,.3)");
    link.id = "polybook-edit";
    link.lang = cfg.lang;
    link.href = "/__polybook/desk/edit?page=" + encodeURIComponent(location.pathname);
    document.body.appendChild(link);
  }

  function ready() {
    showErrors(cfg.errors);
    addEditLink();
  }

  if (document.body) ready();
  else document.addEventListener("DOMContentLoaded", ready);
  connect();
})
