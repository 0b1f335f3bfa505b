// Snowball Spanish stemmer (the version rust-stemmers 1.2 runs): the browser must stem queries exactly as the Rust indexer does.
// Written from snowball's algorithms/spanish.sbl before its 2025 -acion/-ucion additions; it works on code points, as Snowball counts characters, and never throws.
(function () {
  "use strict";
  var VOWELS = "aeiouáéíóúü";
  var PLAIN = { "á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u" };
  var w, pV, p1, p2;

  // A suffix table: the n-th space-separated list gets action n + 1.
  function table(lists) {
    var t = Object.create(null);
    lists.forEach(function (list, i) {
      list.split(" ").forEach(function (s) { t[s] = i + 1; });
    });
    return t;
  }

  // Snowball's among picks the longest entry and never falls back to a shorter one.
  var PRONOUN = table(["me se sela selo selas selos la le lo las les los nos"]);
  var GERUND = table(["ando iendo ar er ir", "ándo iéndo ár ér ír", "yendo"]);
  var STANDARD = table([
    "anza anzas ico ica icos icas ismo ismos able ables ible ibles ista istas oso osa osos osas " +
      "amiento amientos imiento imientos",
    "adora ador ación adoras adores aciones ante antes ancia ancias",
    "logía logías",
    "ución uciones",
    "encia encias",
    "amente",
    "mente",
    "idad idades",
    "iva ivo ivas ivos"
  ]);
  var Y_VERB = table(["ya ye yan yen yeron yendo yo yó yas yes yais yamos"]);
  var VERB = table(["en es éis emos",
    "arían arías arán arás aríais aría aréis aríamos aremos ará aré " +
    "erían erías erán erás eríais ería eréis eríamos eremos erá eré " +
    "irían irías irán irás iríais iría iréis iríamos iremos irá iré " +
    "aba ada ida ía ara iera ad ed id ase iese aste iste an aban ían aran ieran asen iesen " +
    "aron ieron ado ido ando iendo ió ar er ir as abas adas idas ías aras ieras ases ieses " +
    "ís áis abais íais arais ierais aseis ieseis asteis isteis ados idos amos ábamos íamos imos " +
    "áramos iéramos iésemos ásemos"]);
  var RESIDUAL = table(["os a o á í ó", "e é"]);
  var AMENTE = table(["iv os ic ad"]);
  var MENTE = table(["ante able ible"]);
  var IDAD = table(["abil ic iv"]);
  var AT = table(["at"]);
  var IC = table(["ic"]);

  function isVowel(c) {
    return VOWELS.indexOf(c) >= 0;
  }

  // Index just past the first character at or after i that is (or is not) a vowel; the word's length if none.
  function past(i, vowel) {
    while (i < w.length) if (isVowel(w[i++]) === vowel) return i;
    return w.length;
  }

  // The longest entry of t that ends at index end (default: the word's end) and starts at or after lim.
  function find(t, lim, end) {
    if (end === undefined) end = w.length;
    for (var n = Math.min(8, end - lim); n > 0; n--) {
      var s = w.slice(end - n, end).join("");
      if (t[s]) return s;
    }
    return "";
  }

  function cut(n, by) {
    w = w.slice(0, w.length - n).concat(by ? by.split("") : []);
  }

  // Snowball's "try ([substring] among(t) R2 delete)".
  function dropR2(t) {
    var s = find(t, 0);
    if (s && w.length - s.length >= p2) {
      cut(s.length);
      return s;
    }
    return "";
  }

  // Enclitic pronouns go after a gerund or infinitive in RV; an accent they forced on it goes too.
  function attachedPronoun() {
    var p = find(PRONOUN, 0);
    var end = w.length - p.length;
    var v = p && find(GERUND, 0, end);
    var at = end - v.length;
    if (!v || at < pV) return;
    if (GERUND[v] === 2) cut(w.length - at, v.replace(/[áéí]/, function (c) { return PLAIN[c]; }));
    else if (GERUND[v] === 1 || w[at - 1] === "u") cut(p.length);
  }

  function standardSuffix() {
    var s = find(STANDARD, 0);
    var act = STANDARD[s];
    if (!s || w.length - s.length < (act === 6 ? p1 : p2)) return false;
    cut(s.length, ["", "", "log", "u", "ente"][act - 1]);
    if (act === 2) dropR2(IC);
    if (act === 6 && dropR2(AMENTE) === "iv") dropR2(AT);
    if (act === 7) dropR2(MENTE);
    if (act === 8) dropR2(IDAD);
    if (act === 9) dropR2(AT);
    return true;
  }

  // -y- verb endings count only after u (huyendo, construyó).
  function yVerbSuffix() {
    var s = find(Y_VERB, pV);
    if (!s || w[w.length - s.length - 1] !== "u") return false;
    cut(s.length);
    return true;
  }

  function verbSuffix() {
    var s = find(VERB, pV);
    var n = s.length;
    // The u of gu before e is only there to keep the g hard.
    if (VERB[s] === 1 && w[w.length - n - 1] === "u" && w[w.length - n - 2] === "g") n++;
    cut(n);
  }

  return function stem(word) {
    w = Array.from(String(word));
    var n = w.length;
    pV = n;
    if (n > 1) pV = !isVowel(w[1]) ? past(2, true) : isVowel(w[0]) ? past(2, false) : Math.min(3, n);
    p1 = past(past(0, true), false);
    p2 = past(past(p1, true), false);

    attachedPronoun();
    if (!standardSuffix() && !yVerbSuffix()) verbSuffix();
    var s = find(RESIDUAL, 0);
    if (s && w.length - s.length >= pV) {
      cut(s.length);
      if (RESIDUAL[s] === 2 && w[w.length - 1] === "u" && w[w.length - 2] === "g" && w.length - 1 >= pV) cut(1);
    }
    return w.map(function (c) { return PLAIN[c] || c; }).join("");
  };
})()
