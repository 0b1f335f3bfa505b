// Snowball Portuguese stemmer (the version rust-stemmers 1.2 runs): the browser must stem queries exactly as the Rust indexer does.
// Written from snowball's algorithms/portuguese.sbl; it never throws. The build passes it snowball.js, the machinery it shares with es.js and it.js.
(function (snowball) {
  "use strict";
  var VOWELS = "aeiouáéíóúâêô";
  var table = snowball.table;

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

  function standardSuffix(w) {
    var s = w.find(STANDARD);
    var at = w.c.length - s.length;
    var act = STANDARD[s];
    if (!s || at < (act === 5 ? w.p1 : act === 9 ? w.pV : w.p2)) return false;
    if (act === 9) {
      // -eira(s) is usually a noun, other -ira(s) verbal.
      if (w.c[at - 1] !== "e") return false;
      w.cut(s.length, "ir");
      return true;
    }
    w.cut(s.length, ["", "log", "u", "ente"][act - 1]);
    if (act === 5 && w.drop(AMENTE) === "iv") w.drop("at");
    if (act === 6) w.drop(MENTE);
    if (act === 7) w.drop(IDADE);
    if (act === 8) w.drop("at");
    return true;
  }

  return function stem(word) {
    // The tilde vowels become two letters so that the suffix tables and regions see "a~", "o~".
    var w = snowball.word(String(word).replace(/ã/g, "a~").replace(/õ/g, "o~"), VOWELS);
    var c = w.c;
    w.regions();
    var s, done = standardSuffix(w);
    if (!done && (s = w.find(VERB, w.pV))) {
      w.cut(s.length);
      done = true;
    }
    if (done) {
      if (w.ends("ci") && c.length - 1 >= w.pV) w.cut(1);
    } else {
      w.drop(RESIDUAL, w.pV);
    }

    s = c[c.length - 1];
    if ((s === "e" || s === "é" || s === "ê") && c.length - 1 >= w.pV) {
      w.cut(1);
      if ((w.ends("gu") || w.ends("ci")) && c.length - 1 >= w.pV) w.cut(1);
    } else if (s === "ç") {
      w.cut(1, "c");
    }
    return c.join("").replace(/a~/g, "ã").replace(/o~/g, "õ");
  };
})
