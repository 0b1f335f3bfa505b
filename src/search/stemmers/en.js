// Snowball English (Porter2) stemmer (the version rust-stemmers 1.2 runs): the browser must stem queries exactly as the Rust indexer does.
// Written from snowball's algorithms/english.sbl as it stood from 2006 to 2023 (before the later changes to exceptions, R1 prefixes and undoubling); it works on code points, as Snowball counts characters, and never throws.
(function () {
  "use strict";
  var w, p1, p2;

  // A suffix table: "suffix:replacement" entries; a bare suffix is deleted.
  function table(list) {
    var t = Object.create(null);
    list.split(" ").forEach(function (e) {
      var kv = e.split(":");
      t[kv[0]] = kv[1] || "";
    });
    return t;
  }

  // Whole words with a fixed stem; the bare ones stay as they are.
  var EXCEPTION = table("skis:ski skies:sky dying:die lying:lie tying:tie idly:idl gently:gentl ugly:ugli " +
    "early:earli only:onli singly:singl sky:sky news:news howe:howe atlas:atlas cosmos:cosmos bias:bias andes:andes");
  // Whole words (after step 1a) that the later steps would overstem.
  var INVARIANT = table("inning outing canning herring earring proceed exceed succeed");
  // Snowball's `among` picks the longest entry and never falls back to a shorter one.
  var STEP1B = table("eed:ee eedly:ee ed edly ing ingly");
  var STEP2 = table("tional:tion enci:ence anci:ance abli:able entli:ent izer:ize ization:ize " +
    "ational:ate ation:ate ator:ate alism:al aliti:al alli:al fulness:ful ousli:ous ousness:ous " +
    "iveness:ive iviti:ive biliti:ble bli:ble ogi:og fulli:ful lessli:less li");
  var STEP3 = table("tional:tion ational:ate alize:al icate:ic iciti:ic ical:ic ful ness ative");
  var STEP4 = table("al ance ence er ic able ible ant ement ment ent ism ate iti ous ive ize ion");

  // Y (a consonant y) is no vowel.
  function isVowel(c) {
    return "aeiouy".indexOf(c) >= 0;
  }

  // Index just past the first character at or after i that is (or is not) a vowel; the word's length if none.
  function past(i, vowel) {
    while (i < w.length) if (isVowel(w[i++]) === vowel) return i;
    return w.length;
  }

  // The longest entry of t that ends the word.
  function find(t) {
    for (var n = Math.min(7, w.length); n > 0; n--) {
      var s = w.slice(w.length - n).join("");
      if (s in t) return s;
    }
    return "";
  }

  function cut(n, by) {
    w = w.slice(0, w.length - n).concat(by ? by.split("") : []);
  }

  function ends(s) {
    return w.slice(Math.max(0, w.length - s.length)).join("") === s;
  }

  function hasVowel(end) {
    return w.slice(0, Math.max(0, end)).some(isVowel);
  }

  // Whether the word's first `end` characters end in a short syllable: vowel then consonant, after a consonant or at the start.
  function shortSyllable(end) {
    return end === 2 ? isVowel(w[0]) && !isVowel(w[1]) :
      end > 2 && !isVowel(w[end - 3]) && isVowel(w[end - 2]) && !isVowel(w[end - 1]) && "wxY".indexOf(w[end - 1]) < 0;
  }

  // A step of the form `[substring] R among(t)`; ok vets the match at its start b.
  function step(t, p, ok) {
    var s = find(t);
    var b = w.length - s.length;
    if (s && b >= p && (!ok || ok(s, b))) cut(s.length, t[s]);
  }

  function steps1bTo5() {
    var s = find(STEP1B);
    var b = w.length - s.length;
    var n;
    if (STEP1B[s]) {
      if (b >= p1) cut(s.length, "ee");
    } else if (s && hasVowel(b)) {
      cut(s.length);
      n = w.length;
      if (ends("at") || ends("bl") || ends("iz")) cut(0, "e");
      else if (w[n - 1] === w[n - 2] && "bdfgmnprt".indexOf(w[n - 1]) >= 0) cut(1);
      else if (n === p1 && shortSyllable(n)) cut(0, "e");
    }

    n = w.length;
    if ((w[n - 1] === "y" || w[n - 1] === "Y") && n > 2 && !isVowel(w[n - 2])) cut(1, "i");

    step(STEP2, p1, function (s, b) {
      return s === "ogi" ? w[b - 1] === "l" : s !== "li" || "cdeghkmnrt".indexOf(w[b - 1]) >= 0;
    });
    step(STEP3, p1, function (s, b) { return s !== "ative" || b >= p2; });
    step(STEP4, p2, function (s, b) { return s !== "ion" || w[b - 1] === "s" || w[b - 1] === "t"; });

    n = w.length;
    if (w[n - 1] === "e" && (n - 1 >= p2 || n - 1 >= p1 && !shortSyllable(n - 1))) cut(1);
    else if (w[n - 1] === "l" && n - 1 >= p2 && w[n - 2] === "l") cut(1);
  }

  return function stem(word) {
    word = String(word);
    if (word in EXCEPTION) return EXCEPTION[word] || word;
    w = Array.from(word);
    if (w.length < 3) return word;

    if (w[0] === "'") w.shift();
    // y at the start or after a vowel is a consonant.
    var yFound = false;
    for (var i = 0; i < w.length; i++) {
      if (w[i] === "y" && (i === 0 || isVowel(w[i - 1]))) {
        w[i] = "Y";
        yFound = true;
      }
    }
    var prefix = /^(gener|commun|arsen)/.exec(w.join(""));
    p1 = prefix ? prefix[0].length : past(past(0, true), false);
    p2 = past(past(p1, true), false);

    // Step 1a.
    if (ends("'s'")) cut(3);
    else if (ends("'s")) cut(2);
    else if (ends("'")) cut(1);
    if (ends("sses")) cut(2);
    else if (ends("ied") || ends("ies")) cut(3, w.length > 4 ? "i" : "ie");
    else if (ends("s") && !ends("us") && !ends("ss") && hasVowel(w.length - 2)) cut(1);

    if (!(w.join("") in INVARIANT)) steps1bTo5();
    var stemmed = w.join("");
    // Only a Y the prelude made goes back to y (Snowball's Y_found), so a capital Y of the input may survive.
    return yFound ? stemmed.replace(/Y/g, "y") : stemmed;
  };
})()
