// Croatian stemmer: the JavaScript twin of src/search/stem_hr.rs (rules documented there); it must return exactly what stem_hr returns for every input string.
// Like the Rust code it works on code points, not UTF-16 units, and never throws.
// It takes the exception table (stemmers/hr_exceptions.js).
(function (table) {
  "use strict";
  // Rust's char::is_alphabetic is the Unicode Alphabetic property.
  var ALPHA = /^\p{Alphabetic}$/u;
  // MIN_STEM in stem_hr.rs.
  var MIN = 3;
  // LONG_STEM in stem_hr.rs.
  var LONG = 5;
  // The ENDINGS table of stem_hr.rs, in the same order. Each entry is an ending, optionally followed by
  // ">replacement", "/letters" (When::After: the stem must end in one of the letters), "!letters" (When::NotAfter:
  // it must not), "*" (When::Monosyllabic)
  // or "+" (When::Long: the stem keeps at least LONG letters).
  var ENDINGS = ("enata>ent anata>ant ost+ osti+ ostima+ " +
    "ovati>uj ovao>uj ovala>uj ovali>uj ovalo>uj ovale>uj " +
    "ivati>uj ivao>uj ivala>uj ivali>uj ivalo>uj ivale>uj " +
    "ujem>uj ujes>uj uje>uj ujemo>uj ujete>uj uju>uj ujte>uj ujmo>uj ujuci>uj " +
    "ati iti uti " +
    "am as amo ate aju aj ajte ajmo ajuci aja aje aji ajem ajes ajemo ajete ajima ajevi ajeva ajeve ajevima " +
    "imo ite em/cjszdn es/jszdn emo ete/cszdn " +
    "ao al ala alo ali ale alu alom alima io il ila ilo ili ile ilu ilom ilima uo ul ula ulo uli ule ulu ulom ulima " +
    "ija!c ije!c iji!c iju!c ijom!c ijama!c ijem!c ijeg!c ijoj!c ijih!c ijim!c ijima!c ijes!c ijemo!c ijete!c " +
    "og oga ogu ogom oge oj oja oju ojem ojom ojima " +
    "ovi* ova* ove* ovima* evi* eva* eve* evima* " +
    "om ome omu im ima ih ama eg/cjszdn ega/cjszdn emu/cjszdn a e i o u").split(" ").map(function (s) {
    var m = /^([a-z]+)(?:>([a-z]+)|\/([a-z]+)|!([a-z]+)|(\*)|(\+))?$/.exec(s);
    return { end: m[1], rep: m[2] || "", after: m[3], notAfter: m[4], mono: !!m[5], long: !!m[6] };
  });

  function isVowel(c) {
    return c === "a" || c === "e" || c === "i" || c === "o" || c === "u";
  }

  function isConsonant(c) {
    return ALPHA.test(c) && !isVowel(c);
  }

  // has_syllable: a vowel, or an r with no vowel on either side (syllabic r).
  function hasSyllable(s) {
    return s.some(function (c, i) {
      return isVowel(c) || (c === "r" && !(i > 0 && isVowel(s[i - 1])) && !(i + 1 < s.length && isVowel(s[i + 1])));
    });
  }

  function vowelGroups(s) {
    var groups = 0, prev = false;
    s.forEach(function (c) {
      var v = isVowel(c);
      if (v && !prev) groups++;
      prev = v;
    });
    return groups;
  }

  function conditionHolds(e, s) {
    var last = s[s.length - 1];
    if (e.mono) return vowelGroups(s) === 1 && last !== undefined && isConsonant(last);
    if (e.after) return last !== undefined && e.after.indexOf(last) >= 0;
    if (e.notAfter) return !(last !== undefined && e.notAfter.indexOf(last) >= 0);
    if (e.long) return s.length >= LONG;
    return true;
  }

  // Step 1: the longest applicable ending wins (on a tie, the later one, as max_by_key does).
  // Endings are ASCII, so a UTF-16 suffix test of the joined word is a code-point one (and much cheaper than slicing).
  function removeEnding(w) {
    var best = null, bestLen = -1, word = w.join("");
    ENDINGS.forEach(function (e) {
      var n = e.end.length;
      if (!word.endsWith(e.end)) return;
      var s = w.slice(0, w.length - n);
      if (conditionHolds(e, s) && s.length >= MIN && hasSyllable(s) && n >= bestLen) {
        bestLen = n;
        best = s.concat(e.rep.split(""));
      }
    });
    return best || w.slice();
  }

  // Step 2, in the order of normalize().
  function normalize(s) {
    var i, n, d;
    for (i = 1; i + 3 <= s.length; i++) {
      if (s[i] === "i" && s[i + 1] === "j" && s[i + 2] === "e" && isConsonant(s[i - 1])) s.splice(i, 1);
    }
    n = s.length;
    if (n > MIN + 1 && s[n - 2] === "l" && s[n - 1] === "j" && "bpmvf".indexOf(s[n - 3]) >= 0) s.length = n - 2;
    n = s.length;
    if (n > MIN && s[n - 2] === "a" && "kcnr".indexOf(s[n - 1]) >= 0 && isConsonant(s[n - 3]) &&
        s.slice(0, n - 2).some(isVowel)) s.splice(n - 2, 1);
    n = s.length;
    if (n >= 2 && "ktcsphf".indexOf(s[n - 1]) >= 0) {
      d = "zdbg".indexOf(s[n - 2]);
      if (d >= 0) s[n - 2] = "stpk".charAt(d);
    }
    n = s.length;
    if (s[n - 1] === "c") s[n - 1] = "k";
    else if (s[n - 1] === "z") s[n - 1] = "g";
    return s;
  }

  // stem_hr_exceptions: "form stem" joins one word, "*rule-stem stem" every word the rules give rule-stem.
  var FORMS = new Map(), STEMS = new Map();
  table.split(";").forEach(function (entry) {
    var space = entry.indexOf(" ");
    if (space <= 0) return;
    var key = entry.slice(0, space), stem = entry.slice(space + 1);
    if (key.charAt(0) === "*") STEMS.set(key.slice(1), stem);
    else FORMS.set(key, stem);
  });

  // without_superlative: naj- comes off a word of 7+ letters, but for najav-, najam-, najm-.
  function withoutSuperlative(w) {
    var head = w.slice(0, 5).join("");
    if (w.length >= 7 && head.slice(0, 3) === "naj" && head !== "najav" && head !== "najam" && head.slice(0, 4) !== "najm") {
      return w.slice(3);
    }
    return w;
  }

  // stem_hr_rules.
  function rules(word) {
    var w = Array.from(word);
    if (!w.every(function (c) { return ALPHA.test(c); }) || w.length < MIN) return word;
    w = withoutSuperlative(w);
    // instrumental_ost: -ošću is read as -ost.
    if (w.slice(-4).join("") === "oscu") w.splice(w.length - 4, 4, "o", "s", "t");
    return normalize(removeEnding(w)).join("");
  }

  return function stem(word) {
    word = String(word);
    var known = FORMS.get(word);
    if (known !== undefined) return known;
    var stemmed = rules(word);
    var joined = STEMS.get(stemmed);
    return joined !== undefined ? joined : stemmed;
  };
})
