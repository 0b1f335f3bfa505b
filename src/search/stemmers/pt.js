// Snowball Portuguese stemmer (the version rust-stemmers 1.2 runs): the browser must stem queries exactly as the Rust indexer does.
// Written from snowball's algorithms/portuguese.sbl; it works on code points, as Snowball counts characters, and never throws.
(function () {
  "use strict";
  var VOWELS = "aeiouáéíóúâêô";
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
  var STANDARD = table([
    "eza ezas ico ica icos icas ismo ismos ável ível ista istas oso osa osos osas amento amentos imento imentos " +
      "adora ador aça~o adoras adores aço~es ante antes ância",
    "logia logias",
    "uça~o uço~es",
    "ência ências",
    "amente",
    "mente",
    "idade idades",
    "iva ivo ivas ivos",
    "ira iras"
  ]);
  var VERB = table(["ada ida ia aria eria iria ará ara erá era irá ava asse esse isse aste este iste " +
    "ei arei erei irei am iam ariam eriam iriam aram eram iram avam em arem erem irem assem " +
    "essem issem ado ido ando endo indo ara~o era~o ira~o ar er ir as adas idas ias " +
    "arias erias irias arás aras erás eras irás avas es ardes erdes irdes ares eres " +
    "ires asses esses isses astes estes istes is ais eis íeis aríeis eríeis iríeis " +
    "áreis areis éreis ereis íreis ireis ásseis ésseis ísseis áveis ados idos " +
    "ámos amos íamos aríamos eríamos iríamos áramos éramos íramos ávamos " +
    "emos aremos eremos iremos ássemos êssemos íssemos imos armos ermos irmos eu iu ou ira iras"]);
  var RESIDUAL = table(["os a i o á í ó"]);
  var AMENTE = table(["iv os ic ad"]);
  var MENTE = table(["ante avel ível"]);
  var IDADE = table(["abil ic iv"]);
  var AT = table(["at"]);

  function isVowel(c) {
    return VOWELS.indexOf(c) >= 0;
  }

  // Index just past the first character at or after i that is (or is not) a vowel; the word's length if none.
  function past(i, vowel) {
    while (i < w.length) if (isVowel(w[i++]) === vowel) return i;
    return w.length;
  }

  function endsWith(s) {
    return w.slice(w.length - s.length).join("") === s;
  }

  // The longest entry of t ending the word and starting at or after lim.
  function find(t, lim) {
    for (var n = Math.min(7, w.length - lim); n > 0; n--) {
      var s = w.slice(w.length - n).join("");
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

  function standardSuffix() {
    var s = find(STANDARD, 0);
    var at = w.length - s.length;
    var act = STANDARD[s];
    if (!s || at < (act === 5 ? p1 : act === 9 ? pV : p2)) return false;
    if (act === 9) {
      // -eira(s) is usually a noun, other -ira(s) verbal.
      if (w[at - 1] !== "e") return false;
      cut(s.length, "ir");
      return true;
    }
    cut(s.length, ["", "log", "u", "ente"][act - 1]);
    if (act === 5 && dropR2(AMENTE) === "iv") dropR2(AT);
    if (act === 6) dropR2(MENTE);
    if (act === 7) dropR2(IDADE);
    if (act === 8) dropR2(AT);
    return true;
  }

  return function stem(word) {
    // The tilde vowels become two letters so that the suffix tables and regions see "a~", "o~".
    w = Array.from(String(word).replace(/ã/g, "a~").replace(/õ/g, "o~"));
    var n = w.length;
    pV = n;
    if (n > 1) pV = !isVowel(w[1]) ? past(2, true) : isVowel(w[0]) ? past(2, false) : Math.min(3, n);
    p1 = past(past(0, true), false);
    p2 = past(past(p1, true), false);

    var s, done = standardSuffix();
    if (!done && (s = find(VERB, pV))) {
      cut(s.length);
      done = true;
    }
    if (done) {
      if (endsWith("ci") && w.length - 1 >= pV) cut(1);
    } else if ((s = find(RESIDUAL, 0)) && w.length - s.length >= pV) {
      cut(s.length);
    }

    s = w[w.length - 1];
    if ((s === "e" || s === "é" || s === "ê") && w.length - 1 >= pV) {
      cut(1);
      if ((endsWith("gu") || endsWith("ci")) && w.length - 1 >= pV) cut(1);
    } else if (s === "ç") {
      cut(1, "c");
    }
    return w.join("").replace(/a~/g, "ã").replace(/o~/g, "õ");
  };
})()
