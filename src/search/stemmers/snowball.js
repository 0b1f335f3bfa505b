// What the Snowball stemmers of pt, es and it share: suffix tables and the word being stemmed, with its regions.
// The build passes it to each of them (JsStemmer::source in src/search/stem.rs), so every stemmer's file stays one self-contained script.
(function () {
  "use strict";

  // A suffix table: the n-th space-separated list gets action n + 1.
  function table(lists) {
    var t = Object.create(null);
    lists.forEach(function (list, i) {
      list.split(" ").forEach(function (s) { t[s] = i + 1; });
    });
    return t;
  }

  // The word being stemmed: its code points c (Snowball counts characters), changed in place, and once regions() has run,
  // where RV, R1 and R2 start (pV, p1, p2). A new one for each call of stem, so that stemmers share no state.
  function word(text, vowels) {
    var c = Array.from(text);

    function isVowel(x) {
      return vowels.indexOf(x) >= 0;
    }

    // Index just past the first character at or after i that is (or is not) a vowel; the word's length if none.
    function past(i, vowel) {
      while (i < c.length) if (isVowel(c[i++]) === vowel) return i;
      return c.length;
    }

    var w = {
      c: c,
      isVowel: isVowel,

      // Not done at creation: Italian first marks the u and i that are consonants.
      regions: function () {
        var n = c.length;
        w.pV = n < 2 ? n : !isVowel(c[1]) ? past(2, true) : isVowel(c[0]) ? past(2, false) : Math.min(3, n);
        w.p1 = past(past(0, true), false);
        w.p2 = past(past(w.p1, true), false);
      },

      // Compared letter by letter: joining the word at each test made stemming several times slower in small engines.
      // Suffixes are BMP letters, so s[i] is one character.
      ends: function (s) {
        var k = c.length - s.length;
        if (k < 0) return false;
        for (var i = 0; i < s.length; i++) if (c[k + i] !== s[i]) return false;
        return true;
      },

      // The longest entry of t that ends at index end (default: the word's end) and starts at or after lim,
      // as Snowball's among within a limit. Without one, among never falls back to a shorter entry
      // if the longest is outside a region, so callers test the region of the entry found.
      find: function (t, lim, end) {
        if (end === undefined) end = c.length;
        var longest = "", s = "";
        for (var n = 1, most = Math.min(8, end - (lim || 0)); n <= most; n++) {
          s = c[end - n] + s;
          if (s in t) longest = s;
        }
        return longest;
      },

      // Replaces the last n characters with by.
      cut: function (n, by) {
        c.length -= n;
        if (by) c.push.apply(c, Array.from(by));
      },

      // Snowball's "try ([substring] among(t) R2 delete)", or with the region starting at p; t may be one suffix.
      // Returns the suffix deleted.
      drop: function (t, p) {
        var s = typeof t === "string" ? (w.ends(t) ? t : "") : w.find(t);
        if (!s || c.length - s.length < (p === undefined ? w.p2 : p)) return "";
        w.cut(s.length);
        return s;
      }
    };
    return w;
  }

  return { table: table, word: word };
})()
