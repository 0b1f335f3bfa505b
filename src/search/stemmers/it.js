// Snowball Italian stemmer (the version rust-stemmers 1.2 runs): the browser must stem queries exactly as the Rust indexer does.
// Written from snowball's algorithms/italian.sbl as it stood until 2022 (before the "divano" rule and the elision step); it never throws. The build passes it snowball.js, the machinery it shares with pt.js and es.js.
(function (snowball) {
  "use strict";
  var VOWELS = "aeiouàèìòù";
  var GRAVE = { "á": "à", "é": "è", "í": "ì", "ó": "ò", "ú": "ù" };
  var table = snowball.table;

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

  // Enclitic pronouns go after a gerund (dropped with it) or an infinitive (whose e they replace) in RV.
  function attachedPronoun(w) {
    var p = w.find(PRONOUN);
    var end = w.c.length - p.length;
    var v = p && w.find(GERUND, 0, end);
    if (!v || end - v.length < w.pV) return;
    w.cut(p.length, GERUND[v] === 2 ? "e" : "");
  }

  function standardSuffix(w) {
    var s = w.find(STANDARD);
    var act = STANDARD[s];
    if (!s || w.c.length - s.length < (act === 6 ? w.pV : act === 7 ? w.p1 : w.p2)) return false;
    w.cut(s.length, ["", "", "log", "u", "ente"][act - 1]);
    if (act === 2) w.drop("ic");
    if (act === 7 && w.drop(AMENTE) === "iv") w.drop("at");
    if (act === 8) w.drop(ITA);
    if (act === 9 && w.drop("at")) w.drop("ic");
    return true;
  }

  return function stem(word) {
    var w = snowball.word(String(word).replace(/[áéíóú]/g, function (c) { return GRAVE[c]; }).replace(/qu/g, "qU"), VOWELS);
    var c = w.c;
    // u and i between vowels are consonants; capitals keep them out of the vowel tests until the end.
    for (var i = 1; i < c.length - 1; i++) {
      if ((c[i] === "u" || c[i] === "i") && w.isVowel(c[i - 1]) && w.isVowel(c[i + 1])) c[i] = c[i].toUpperCase();
    }
    w.regions();
    attachedPronoun(w);
    if (!standardSuffix(w)) w.cut(w.find(VERB, w.pV).length);
    var n = c.length;
    if (n - 1 >= w.pV && "aeioàèìò".indexOf(c[n - 1]) >= 0) {
      w.cut(1);
      if (c[n - 2] === "i" && n - 2 >= w.pV) w.cut(1);
    }
    n = c.length;
    // ch and gh lose the h only when the c or g is in RV too.
    if (c[n - 1] === "h" && (c[n - 2] === "c" || c[n - 2] === "g") && n - 2 >= w.pV) w.cut(1);
    return c.join("").replace(/I/g, "i").replace(/U/g, "u");
  };
})
