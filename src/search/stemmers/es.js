// Snowball Spanish stemmer (the version rust-stemmers 1.2 runs): the browser must stem queries exactly as the Rust indexer does.
// Written from snowball's algorithms/spanish.sbl before its 2025 -acion/-ucion additions; it never throws. The build passes it snowball.js, the machinery it shares with pt.js and it.js.
(function (snowball) {
  "use strict";
  var VOWELS = "aeiouáéíóúü";
  var PLAIN = { "á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u" };
  var table = snowball.table;

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

  // Enclitic pronouns go after a gerund or infinitive in RV; an accent they forced on it goes too.
  function attachedPronoun(w) {
    var p = w.find(PRONOUN);
    var end = w.c.length - p.length;
    var v = p && w.find(GERUND, 0, end);
    var at = end - v.length;
    if (!v || at < w.pV) return;
    if (GERUND[v] === 2) w.cut(w.c.length - at, v.replace(/[áéí]/, function (c) { return PLAIN[c]; }));
    else if (GERUND[v] === 1 || w.c[at - 1] === "u") w.cut(p.length);
  }

  function standardSuffix(w) {
    var s = w.find(STANDARD);
    var act = STANDARD[s];
    if (!s || w.c.length - s.length < (act === 6 ? w.p1 : w.p2)) return false;
    w.cut(s.length, ["", "", "log", "u", "ente"][act - 1]);
    if (act === 2) w.drop("ic");
    if (act === 6 && w.drop(AMENTE) === "iv") w.drop("at");
    if (act === 7) w.drop(MENTE);
    if (act === 8) w.drop(IDAD);
    if (act === 9) w.drop("at");
    return true;
  }

  // -y- verb endings count only after u (huyendo, construyó).
  function yVerbSuffix(w) {
    var s = w.find(Y_VERB, w.pV);
    if (!s || w.c[w.c.length - s.length - 1] !== "u") return false;
    w.cut(s.length);
    return true;
  }

  function verbSuffix(w) {
    var s = w.find(VERB, w.pV);
    var c = w.c, n = s.length;
    // The u of gu before e is only there to keep the g hard.
    if (VERB[s] === 1 && c[c.length - n - 1] === "u" && c[c.length - n - 2] === "g") n++;
    w.cut(n);
  }

  return function stem(word) {
    var w = snowball.word(String(word), VOWELS);
    w.regions();
    attachedPronoun(w);
    if (!standardSuffix(w) && !yVerbSuffix(w)) verbSuffix(w);
    var s = w.drop(RESIDUAL, w.pV);
    if (RESIDUAL[s] === 2 && w.ends("gu") && w.c.length - 1 >= w.pV) w.cut(1);
    return w.c.map(function (c) { return PLAIN[c] || c; }).join("");
  };
})
