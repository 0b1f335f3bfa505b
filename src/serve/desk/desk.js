/* polybook serve: the editors' desk. Builds the editing view from the JSON
   the server put in #desk-data: the page's body and form, a live preview
   rendered by the server from the unsaved text, Save (never over a version
   the editor did not see), unsaved work kept in localStorage, translation
   side by side, what changed in a translation's source, new page, delete. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("desk-data").textContent);
  var S = D.strings;
  var root = document.getElementById("desk");
  var creating = D.path && !D.page;
  var translating = creating && D.source;
  var STORE = "polybook-desk:" + D.path;
  var base = D.page ? D.page.version : "";
  var fieldsNow = D.page ? D.page.fields : emptyFields();
  var initial = { body: D.page ? D.page.body : "", fields: clone(fieldsNow) };
  var timings = window.__deskTimings = [];

  function clone(v) { return JSON.parse(JSON.stringify(v)); }
  function emptyFields() {
    return { title: "", description: "", topics: [], owner: "", draft: false, weight: 0,
      reviewed: "", translation_key: "" };
  }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === "text") e.textContent = attrs[k];
      else if (k.slice(0, 2) === "on") e.addEventListener(k.slice(2), attrs[k]);
      else if (attrs[k] !== null && attrs[k] !== false) e.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    }
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }
  function language(code) {
    for (var i = 0; i < D.languages.length; i++) if (D.languages[i].code === code) return D.languages[i];
    return { code: code, name: code, dir: "ltr" };
  }
  function deskUrl(params) {
    var q = [];
    for (var k in params) if (params[k]) q.push(k + "=" + encodeURIComponent(params[k]));
    q.push("ui=" + encodeURIComponent(D.ui));
    return "/__polybook/desk/edit?" + q.join("&");
  }
  function api(name, payload) {
    return fetch("/__polybook/desk/api/" + name, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-Polybook-Token": D.token },
      body: JSON.stringify(payload)
    }).then(function (r) {
      return r.json().then(function (json) { return { status: r.status, json: json }; });
    });
  }

  var contentLang = language(D.lang);
  var status = el("p", { id: "desk-status", role: "status", "aria-live": "polite" });
  var notices = el("div", { id: "desk-notices" });

  function setStatus(text) { status.textContent = text; }
  function notice(kind, children) {
    var box = el("section", { "class": "notice notice-" + kind, role: kind === "error" ? "alert" : null }, children);
    notices.appendChild(box);
    return box;
  }
  function showError(message) {
    notice("error", [el("p", { text: S["desk-error"] + " " + message })]);
  }

  /* ---- the header: back, title, desk language, translate, save ---- */
  function header(title) {
    var select = el("select", { id: "desk-ui", onchange: function () {
      try { localStorage.setItem("polybook-desk-ui", select.value); } catch (e) { /* storage off */ }
      location.href = location.href.replace(/([?&])ui=[^&]*/, "$1ui=" + select.value).replace(/^([^?]*)$/, "$1?ui=" + select.value);
    } });
    D.languages.concat([{ code: "en", name: "English" }]).forEach(function (l) {
      if (l.code === "en" && D.languages.some(function (x) { return x.code === "en"; }) && l.name === "English") return;
      select.appendChild(el("option", { value: l.code, selected: l.code === D.ui, lang: l.code, text: l.name }));
    });
    var back = D.info ? D.info.page.url : "/" + D.lang + "/";
    return el("header", { "class": "bar" }, [
      el("a", { href: back, "class": "back", text: S["desk-back"] }),
      el("h1", { id: "desk-title" }, [S[creating ? "desk-new-page" : "desk-heading"], title ? ": " : "", title ? el("span", { lang: D.lang, text: title }) : null]),
      status,
      el("label", { "class": "ui-lang" }, [S["desk-ui-language"] + " ", select])
    ]);
  }

  /* ---- the form over the front matter ---- */
  var inputs = {};
  function field(key, label, input) {
    inputs[key] = input;
    input.id = "field-" + key;
    return el("div", { "class": "field field-" + key }, [el("label", { "for": input.id, text: label }), input]);
  }
  function form() {
    var f = fieldsNow;
    var topics = el("fieldset", { "class": "topics" }, [el("legend", { text: S["desk-field-topics"] })]);
    inputs.topics = [];
    D.topics.forEach(function (t) {
      var box = el("input", { type: "checkbox", value: t.id, id: "topic-" + t.id, checked: f.topics.indexOf(t.id) >= 0, onchange: changed });
      inputs.topics.push(box);
      topics.appendChild(el("span", { "class": "topic" }, [box, el("label", { "for": box.id, text: t.label })]));
    });
    var reviewed = el("output", { id: "field-reviewed", text: f.reviewed || "—" });
    inputs.reviewed = reviewed;
    var markReviewed = el("button", { type: "button", id: "mark-reviewed", text: S["desk-mark-reviewed"], onclick: function () {
      reviewed.textContent = D.today;
      changed();
    } });
    var title = field("title", S["desk-field-title"], el("input", { type: "text", value: f.title, required: true, lang: D.lang, dir: contentLang.dir, oninput: changed }));
    if (translating) inputs.title.placeholder = D.source.title;
    var parts = [
      title,
      field("description", S["desk-field-description"], el("textarea", { rows: 2, lang: D.lang, dir: contentLang.dir, oninput: changed }, [f.description])),
      topics,
      field("owner", S["desk-field-owner"], el("input", { type: "text", value: f.owner, oninput: changed })),
      el("div", { "class": "field-row" }, [
        field("weight", S["desk-field-weight"], el("input", { type: "number", step: 1, value: String(f.weight), oninput: changed })),
        el("div", { "class": "field field-draft" }, [el("input", { type: "checkbox", id: "field-draft", checked: f.draft, onchange: changed }),
          el("label", { "for": "field-draft", text: S["desk-field-draft"] })])
      ]),
      el("div", { "class": "field field-reviewed" }, [el("span", { "class": "label", id: "reviewed-label", text: S["desk-field-reviewed"] + ": " }), reviewed, " ", markReviewed])
    ];
    inputs.draft = parts[4].querySelector("#field-draft");
    if (creating) {
      parts.unshift(field("path", S["desk-new-path"], el("input", { type: "text", value: D.path, dir: "ltr", spellcheck: "false", oninput: changed })));
    }
    return el("details", { "class": "details", open: true }, [el("summary", { text: S["desk-details"] })].concat(parts));
  }
  function readFields() {
    return {
      title: inputs.title.value, description: inputs.description.value,
      topics: checkedTopics(),
      owner: inputs.owner.value, draft: inputs.draft.checked,
      weight: parseInt(inputs.weight.value, 10) || 0,
      reviewed: inputs.reviewed.textContent === "—" ? "" : inputs.reviewed.textContent,
      translation_key: fieldsNow.translation_key
    };
  }
  /* The page's own order first, so an unchanged list is unchanged; new ones after. */
  function checkedTopics() {
    var on = inputs.topics.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var kept = fieldsNow.topics.filter(function (t) { return on.indexOf(t) >= 0; });
    return kept.concat(on.filter(function (t) { return kept.indexOf(t) < 0; }));
  }
  function writeFields(f) {
    inputs.title.value = f.title; inputs.description.value = f.description; inputs.owner.value = f.owner;
    inputs.draft.checked = f.draft; inputs.weight.value = String(f.weight);
    inputs.reviewed.textContent = f.reviewed || "—";
    inputs.topics.forEach(function (b) { b.checked = f.topics.indexOf(b.value) >= 0; });
  }

  /* ---- the body: one textarea, or one per source section when translating ---- */
  var editors = [];
  function bodyValue() {
    if (!translating) return editors[0].value;
    var parts = editors.map(function (t) { return t.value.replace(/\s+$/, ""); })
      .filter(function (t) { return t; });
    return parts.length ? parts.join("\n\n") + "\n" : "";
  }
  function textarea(value, label, placeholder) {
    var t = el("textarea", { "class": "body", lang: D.lang, dir: contentLang.dir, spellcheck: "true",
      "aria-label": label, placeholder: placeholder || null, oninput: changed });
    t.value = value;
    editors.push(t);
    return t;
  }
  function singleEditor() {
    var t = textarea(initial.body, null);
    t.id = "body";
    t.removeAttribute("aria-label");
    return el("div", { "class": "editor" }, [el("label", { "for": "body", text: S["desk-body"] }), t]);
  }
  function sideBySide() {
    var src = language(D.source.lang);
    var grid = el("div", { "class": "side-by-side", id: "side-by-side" }, [
      el("h2", { "class": "col-head", text: S["desk-source"] + " (" + src.name + ")" }),
      el("h2", { "class": "col-head", text: S["desk-translation"] + " (" + contentLang.name + ")" })
    ]);
    D.source.sections.forEach(function (section, i) {
      if (!section.trim() && i === 0) return;
      var first = section.split("\n")[0];
      var label = (/^#/.test(first) ? first.replace(/^#+\s*/, "") : S["desk-section-intro"]);
      grid.appendChild(el("pre", { "class": "source-section", lang: src.code, dir: src.dir, text: section }));
      grid.appendChild(textarea("", S["desk-translation"] + ": " + label, first));
    });
    return grid;
  }

  /* ---- unsaved work: kept in the browser until saved or discarded ---- */
  function current() { return { body: bodyValue(), fields: readFields() }; }
  /* Compared field by field: the server's JSON may list keys in another order. */
  var FIELD_KEYS = ["title", "description", "topics", "owner", "draft", "weight", "reviewed", "translation_key"];
  function snapshot(s) { return JSON.stringify([s.body, FIELD_KEYS.map(function (k) { return s.fields[k]; })]); }
  function dirty() { return snapshot(current()) !== snapshot(initial); }
  /* For tests and the curious: what the desk holds against what it opened. */
  window.__deskState = function () { return { current: current(), initial: initial, dirty: dirty() }; };
  var keepTimer = null;
  function keep() {
    clearTimeout(keepTimer);
    keepTimer = setTimeout(function () {
      try {
        if (dirty()) {
          var c = current();
          c.base = base;
          c.sections = translating ? editors.map(function (t) { return t.value; }) : null;
          localStorage.setItem(STORE, JSON.stringify(c));
        } else localStorage.removeItem(STORE);
      } catch (e) { /* storage off: the warning on leaving still protects */ }
    }, 200);
  }
  function restore() {
    var kept = null;
    try { kept = JSON.parse(localStorage.getItem(STORE) || "null"); } catch (e) { kept = null; }
    if (!kept) return;
    if (kept.sections && translating) kept.sections.forEach(function (v, i) { if (editors[i]) editors[i].value = v; });
    else if (!translating) editors[0].value = kept.body;
    writeFields(kept.fields);
    if (kept.base) base = kept.base;
    if (!dirty()) return;
    var box = notice("restored", [el("p", { text: S["desk-restored"] }),
      el("button", { type: "button", id: "discard", text: S["desk-discard"], onclick: function () {
        try { localStorage.removeItem(STORE); } catch (e) { /* nothing kept */ }
        base = D.page ? D.page.version : "";
        if (!translating) editors[0].value = initial.body; else editors.forEach(function (t) { t.value = ""; });
        writeFields(initial.fields);
        box.remove();
        changed();
      } })]);
  }
  window.addEventListener("beforeunload", function (e) {
    if (dirty()) { e.preventDefault(); e.returnValue = ""; }
  });

  /* ---- the live preview ---- */
  var frame, problemsList, previewTimer = null, inFlight = false, again = false, lastInput = 0;
  function changed() {
    lastInput = performance.now();
    setStatus(dirty() ? S["desk-unsaved"] : "");
    keep();
    clearTimeout(previewTimer);
    previewTimer = setTimeout(preview, 40);
  }
  function preview() {
    if (inFlight) { again = true; return; }
    inFlight = true;
    var asked = lastInput;
    var c = current();
    api("preview", { path: pathValue(), body: c.body, fields: c.fields }).then(function (r) {
      inFlight = false;
      if (r.status !== 200) { showProblems([{ message: r.json.error, place: "front", error: true }]); return; }
      showProblems(r.json.problems);
      if (r.json.html !== null) {
        var y = 0;
        try { y = frame.contentWindow.scrollY; } catch (e) { y = 0; }
        frame.onload = function () {
          try { frame.contentWindow.scrollTo(0, y); } catch (e) { /* not scrollable yet */ }
          if (asked) timings.push(performance.now() - asked);
          frame.setAttribute("data-generation", String(timings.length));
        };
        frame.srcdoc = r.json.html;
      }
      if (again) { again = false; preview(); }
    }, function () { inFlight = false; });
  }
  function showProblems(problems) {
    problemsList.textContent = "";
    if (!problems.length) { problemsList.appendChild(el("li", { "class": "ok", text: S["desk-no-problems"] })); return; }
    problems.forEach(function (p) {
      var where = p.place === "body" ? S["desk-line"] + " " + p.line : S["desk-in-details"];
      var item = el("li", { "class": p.error ? "problem" : "warning" }, [
        p.place === "body" && !translating
          ? el("button", { type: "button", "class": "goto", text: where, onclick: function () { gotoLine(p.line); } })
          : el("strong", { text: where }),
        " " + p.message + (p.hint ? " (" + p.hint + ")" : "")
      ]);
      problemsList.appendChild(item);
    });
  }
  function gotoLine(line) {
    var t = editors[0], lines = t.value.split("\n"), at = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i++) at += lines[i].length + 1;
    t.focus();
    t.setSelectionRange(at, at + (lines[line - 1] || "").length);
  }
  function pathValue() { return creating ? inputs.path.value.trim() : D.path; }

  /* ---- save, conflicts ---- */
  function save(overBase) {
    var c = current();
    setStatus(S["desk-saving"]);
    var payload = { path: pathValue(), body: c.body, fields: c.fields };
    if (creating) {
      if (translating) payload.translation_of = D.source.path;
      return api("create", payload).then(function (r) { afterCreate(r, c); });
    }
    payload.base = overBase || base;
    return api("save", payload).then(function (r) { afterSave(r, c); });
  }
  function afterSave(r, c) {
    if (r.status === 200) {
      base = r.json.version;
      initial = clone(c);
      try { localStorage.removeItem(STORE); } catch (e) { /* nothing kept */ }
      var old = document.getElementById("conflict");
      if (old) old.remove();
      setStatus(S["desk-saved"]);
      return;
    }
    setStatus(S["desk-unsaved"]);
    if (r.status === 409 && r.json.conflict) return showConflict(r.json.conflict);
    showError(r.json.error);
    if (r.json.problems) showProblems(r.json.problems);
  }
  function afterCreate(r, c) {
    if (r.status === 201) {
      try { localStorage.removeItem(STORE); } catch (e) { /* nothing kept */ }
      initial = clone(c);
      setStatus(S["desk-saved"]);
      location.replace(deskUrl({ path: pathValue() }));
      return;
    }
    setStatus(S["desk-unsaved"]);
    showError(r.status === 409 ? S["desk-exists"] : r.json.error);
    if (r.json.problems) showProblems(r.json.problems);
  }
  function showConflict(theirs) {
    var old = document.getElementById("conflict");
    if (old) old.remove();
    var box = notice("conflict", [
      el("h2", { text: S["desk-conflict-title"] }),
      el("p", { text: S["desk-conflict-hint"] }),
      el("div", { "class": "versions" }, [
        el("div", {}, [el("h3", { text: S["desk-conflict-mine"] }), el("pre", { id: "conflict-mine", lang: D.lang, dir: contentLang.dir, text: bodyValue() })]),
        el("div", {}, [el("h3", { text: S["desk-conflict-theirs"] }), el("pre", { id: "conflict-theirs", lang: D.lang, dir: contentLang.dir, text: theirs.body })])
      ]),
      el("button", { type: "button", id: "keep-mine", text: S["desk-keep-mine"], onclick: function () { save(theirs.version); } }),
      " ",
      el("button", { type: "button", id: "take-theirs", text: S["desk-take-theirs"], onclick: function () {
        base = theirs.version;
        editors[0].value = theirs.body;
        if (theirs.fields) writeFields(theirs.fields);
        initial = current();
        box.remove();
        changed();
      } })
    ]);
    box.id = "conflict";
    box.scrollIntoView();
  }

  /* ---- delete, with the pages that link here ---- */
  function deleteDialog() {
    var linked = (D.info && D.info.linked_from) || [];
    var dialog = el("dialog", { id: "delete-dialog", "aria-labelledby": "delete-title" }, [
      el("h2", { id: "delete-title", text: S["desk-delete-confirm"] }),
      el("p", { text: linked.length ? S["desk-delete-linked"] : S["desk-delete-unlinked"] }),
      linked.length ? el("ul", { id: "delete-linked" }, linked.map(function (p) {
        return el("li", {}, [el("a", { href: p.url, lang: p.lang, text: p.title }), " (content/" + p.path + ")"]);
      })) : null,
      el("form", { method: "dialog" }, [
        el("button", { value: "cancel", text: S["desk-cancel"] }), " ",
        el("button", { value: "delete", id: "confirm-delete", "class": "danger", text: S["desk-delete"] })
      ])
    ]);
    dialog.addEventListener("close", function () {
      if (dialog.returnValue !== "delete") { dialog.remove(); return; }
      api("delete", { path: D.path, base: base }).then(function (r) {
        dialog.remove();
        if (r.status !== 200) return showError(r.json.error);
        try { localStorage.removeItem(STORE); } catch (e) { /* nothing kept */ }
        initial = current();
        root.textContent = "";
        root.appendChild(el("main", { "class": "done" }, [el("h1", { text: S["desk-deleted"] }),
          el("a", { href: "/" + D.lang + "/", text: S["desk-back"] })]));
      });
    });
    document.body.appendChild(dialog);
    dialog.showModal();
  }

  /* ---- what changed in the source of a translation that fell behind ---- */
  function behindPanel() {
    var b = D.behind;
    var src = language(b.source.lang);
    var parts = [el("h2", { text: S["desk-behind-title"] }),
      el("p", {}, [el("a", { href: deskUrl({ path: b.source.path }), lang: src.code, text: b.source.title }), " (" + src.name + ", " + b.sourceChanged + ")"])];
    if (b.changes) {
      parts.push(el("p", { text: S["desk-behind-hint"] }));
      b.changes.forEach(function (c) {
        var title = c.heading ? c.heading.replace(/^#+\s*/, "") : S["desk-section-intro"];
        if (!c.changed) {
          parts.push(el("p", { "class": "section-unchanged" }, [el("span", { lang: src.code, text: title }), " — " + S["desk-behind-unchanged"]]));
          return;
        }
        parts.push(el("div", { "class": "section-diff", lang: src.code, dir: src.dir }, [el("h3", { text: title }),
          el("p", { "class": "diff" }, c.pieces.map(function (p) {
            return p.kind === "same" ? document.createTextNode(p.text) : el(p.kind === "added" ? "ins" : "del", { text: p.text });
          }))]));
      });
    } else {
      parts.push(el("p", { text: S["desk-no-history"] }));
      parts.push(el("pre", { "class": "source-section", lang: src.code, dir: src.dir, text: (b.sections || []).join("") }));
    }
    return el("section", { "class": "notice notice-behind", id: "behind" }, parts);
  }

  /* ---- the view ---- */
  function translateLinks() {
    if (!D.info || !D.info.missing.length) return null;
    var rest = D.path.slice(D.path.indexOf("/") + 1);
    return el("nav", { "class": "translate", "aria-label": S["desk-translate-to"] }, [S["desk-translate-to"] + ": "].concat(
      D.info.missing.map(function (code) {
        var l = language(code);
        return el("a", { href: deskUrl({ path: code + "/" + rest, from: D.path }), lang: code, "class": "translate-to", text: l.name });
      })));
  }
  function newPageForm() {
    var input = el("input", { type: "text", id: "new-path", dir: "ltr", value: D.lang + "/", spellcheck: "false" });
    return el("form", { "class": "new-page", onsubmit: function (e) {
      e.preventDefault();
      var p = input.value.trim();
      if (!/\.md$/.test(p)) p += ".md";
      location.href = deskUrl({ path: p });
    } }, [el("label", { "for": "new-path", text: S["desk-new-path"] }), input, el("button", { text: S["desk-new-page"] })]);
  }

  function build() {
    if (!D.path) {
      root.appendChild(header(""));
      root.appendChild(el("main", { "class": "done" }, [el("p", { text: S["desk-not-editable"] }), newPageForm()]));
      return;
    }
    if (translating) {
      fieldsNow.translation_key = D.source.translationKey;
      fieldsNow.topics = D.source.topics.slice();
      initial = { body: "", fields: clone(fieldsNow) };
    }
    var title = D.page ? D.page.fields.title : "";
    root.appendChild(header(title));
    root.appendChild(notices);
    if (translating) {
      var src = language(D.source.lang);
      notices.appendChild(el("p", { "class": "translating" }, [S["desk-translating-from"] + " " + src.name + ": ",
        el("a", { href: deskUrl({ path: D.source.path }), lang: src.code, text: D.source.title })]));
    }
    if (D.behind) notices.appendChild(behindPanel());
    frame = el("iframe", { id: "preview", title: S["desk-preview-frame"], sandbox: "allow-same-origin" });
    problemsList = el("ul", { id: "problems", "aria-live": "polite" });
    var saveButton = el("button", { type: "button", id: "save", "class": "primary", text: S[creating ? "desk-create" : "desk-save"], onclick: function () { save(); } });
    var edit = el("section", { "class": "edit-pane", "aria-labelledby": "desk-title" }, [
      form(),
      translating ? sideBySide() : singleEditor(),
      el("h2", { "class": "problems-head", text: S["desk-problems"] }), problemsList,
      el("div", { "class": "actions" }, [saveButton, translateLinks()])
    ]);
    var view = el("section", { "class": "preview-pane", "aria-labelledby": "preview-head" }, [
      el("h2", { id: "preview-head", text: S["desk-preview"] }), frame]);
    root.appendChild(el("main", { "class": translating ? "panes translating" : "panes" }, [edit, view]));
    var footer = [newPageForm()];
    if (!creating) footer.unshift(el("button", { type: "button", id: "delete", "class": "danger", text: S["desk-delete"], onclick: deleteDialog }));
    root.appendChild(el("footer", { "class": "bar-bottom" }, footer));
    document.addEventListener("keydown", function (e) {
      if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); save(); }
    });
    restore();
    setStatus(dirty() ? S["desk-unsaved"] : "");
    preview();
  }
  build();
})();
