// Snowball Italian stemmer (the version rust-stemmers 1.2 runs): the browser must stem queries exactly as the Rust indexer does.
// Written from snowball's algorithms/italian.sbl as it stood until 2022 (before the "divano" rule and the elision step); it works on code points, as Snowball counts characters, and never throws.
(function () {
  "use strict";
  var VOWELS = "aeiouàèìòù";
  var GRAVE = { "á": "à", "é": "è", "í": "ì", "ó": "ò", "ú": "ù" };
  var w, pV, p1, p2;

  // A suffix table: the n-th space-separated list gets action n + 1.
  function table(lists) {
    var t = Object.create(null);
    lists.forEach(function (list, i) {
      list.split(" ").forEach(function (s) { t[s] = i + 1; });
    });
    return t;
  }

  // Snowball's `among` picks the longest entry and never falls back to a shorter one.
  var PRONOUN = table(["ci gli la le li lo mi ne si ti vi sene gliela gliele glieli glielo gliene " +
    "mela mele meli melo mene tela tele teli telo tene cela cele celi celo cene vela vele veli velo vene"]);
  var GERUND = table(["ando endo", "ar er ir"]);
  var STANDARD = table([
    "anza anze ico ici ica ice iche ichi ismo ismi abile abili ibile ibili ista iste isti istà istè istì " +
      "oso osi osa ose mente atrice atrici ante anti",
    "azione azioni atore atori",
    "logia logie",
    "uzione uzioni usione usioni",
    "enza enze",
    "amento amenti imento imenti",
    "amente",
    "ità",
    "ivo ivi iva ive"
  ]);
  // "Yamo" is in the source too; Y never arises, but an input with a capital Y can still match it.
  var VERB = table(["ammo ando ano are arono asse assero assi assimo ata ate ati ato ava avamo avano avate " +
    "avi avo emmo enda ende endi endo erà erai eranno ere erebbe erebbero erei eremmo eremo " +
    "ereste eresti erete erò erono essero ete eva evamo evano evate evi evo Yamo iamo immo " +
    "irà irai iranno ire irebbe irebbero irei iremmo iremo ireste iresti irete irò irono " +
    "isca iscano isce isci isco iscono issero ita ite iti ito iva ivamo ivano ivate ivi ivo " +
    "ono uta ute uti uto ar ir"]);
  var AMENTE = table(["iv os ic abil"]);
  var ITA = table(["abil ic iv"]);
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

  // `try ([substring] among(t) R2 delete)`.
  function dropR2(t) {
    var s = find(t, 0);
    if (s && w.length - s.length >= p2) {
      cut(s.length);
      return s;
    }
    return "";
  }

  // Enclitic pronouns go after a gerund (dropped with it) or an infinitive (whose e they replace) in RV.
  function attachedPronoun() {
    var p = find(PRONOUN, 0);
    var end = w.length - p.length;
    var v = p && find(GERUND, 0, end);
    if (!v || end - v.length < pV) return;
    cut(p.length, GERUND[v] === 2 ? "e" : "");
  }

  function standardSuffix() {
    var s = find(STANDARD, 0);
    var act = STANDARD[s];
    if (!s || w.length - s.length < (act === 6 ? pV : act === 7 ? p1 : p2)) return false;
    cut(s.length, ["", "", "log", "u", "ente"][act - 1]);
    if (act === 2) dropR2(IC);
    if (act === 7 && dropR2(AMENTE) === "iv") dropR2(AT);
    if (act === 8) dropR2(ITA);
    if (act === 9 && dropR2(AT)) dropR2(IC);
    return true;
  }

  return function stem(word) {
    w = Array.from(String(word).replace(/[áéíóú]/g, function (c) { return GRAVE[c]; }).replace(/qu/g, "qU"));
    // u and i between vowels are consonants; capitals keep them out of the vowel tests until the end.
    for (var i = 1; i < w.length - 1; i++) {
      if ((w[i] === "u" || w[i] === "i") && isVowel(w[i - 1]) && isVowel(w[i + 1])) w[i] = w[i].toUpperCase();
    }
    var n = w.length;
    pV = n;
    if (n > 1) pV = !isVowel(w[1]) ? past(2, true) : isVowel(w[0]) ? past(2, false) : Math.min(3, n);
    p1 = past(past(0, true), false);
    p2 = past(past(p1, true), false);

    attachedPronoun();
    if (!standardSuffix()) cut(find(VERB, pV).length);
    n = w.length;
    if (n - 1 >= pV && "aeioàèìò".indexOf(w[n - 1]) >= 0) {
      cut(1);
      if (w[n - 2] === "i" && n - 2 >= pV) cut(1);
    }
    n = w.length;
    // ch and gh lose the h only when the c or g is in RV too.
    if (w[n - 1] === "h" && (w[n - 2] === "c" || w[n - 2] === "g") && n - 2 >= pV) cut(1);
    return w.join("").replace(/I/g, "i").replace(/U/g, "u");
  };
})()
