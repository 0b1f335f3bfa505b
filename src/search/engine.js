/* polybook search engine: queries the static index that `polybook build`
   writes under search/<build>/ (format and ranking: docs/search-index.md).
   Dependency-free, no modules; sets globalThis.PolybookSearch.

   The ranking (`rank`) is synchronous and pure: it reads a store of already
   loaded index files and must give exactly what `polybook search` gives
   (src/search/query.rs; tests/testsuite/search_parity.rs runs both). `needed` says
   which files the store still lacks for a query; `create` makes an engine
   that loads them, in rounds, through <script> tags (which work from
   file://) and then ranks. The DOM is touched only by the script loader. */
(function (global) {
  "use strict";

  var has = Object.prototype.hasOwnProperty;
  function own(obj, key) {
    return obj != null && has.call(obj, key) ? obj[key] : undefined;
  }

  /* ---- Folding (mirrors src/text/fold.rs) ---- */

  // Letters whose stroke or ligature is part of the glyph: no decomposition.
  // push_base_letter and cyrillic_in_latin in src/text/fold.rs.
  var SPECIAL = { "đ": "d", "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "ı": "i",
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "ђ": "d", "е": "e", "э": "e", "є": "e",
    "ж": "z", "з": "z", "и": "i", "і": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n",
    "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "c", "ц": "c", "ч": "c", "у": "u",
    "ф": "f", "х": "h", "џ": "dz", "ѕ": "dz", "ш": "s", "щ": "sc", "ъ": "", "ь": "", "ы": "y", "ю": "ju", "я": "ja" };
  var SPECIAL_RE = /[đßøæœłıа-яґђєіјљњћџѕ]/g;
  var MARKS_RE = /\p{M}/gu;
  var ASCII_RE = /^[\x00-\x7f]*$/;

  // Lowercase + NFD + drop combining marks + the hand-written letters. Case
  // is mapped code point by code point, as Rust's char::to_lowercase does
  // (String#toLowerCase would apply the final-sigma rule: Σ → ς).
  function fold(text) {
    text = String(text);
    if (ASCII_RE.test(text)) return text.toLowerCase();
    var lowered = "";
    for (var ch of text) lowered += ch.toLowerCase();
    return lowered.normalize("NFD").replace(MARKS_RE, "").replace(SPECIAL_RE, function (c) {
      return SPECIAL[c];
    });
  }

  /* ---- Query words (spec step 1) ---- */

  // "Letter or digit" as Rust's char::is_alphanumeric: Alphabetic or N*.
  var NOT_WORD_RE = /[^\p{Alphabetic}\p{N}]+/u;
  // Rust's char::is_whitespace is the White_Space property (\s differs on U+0085, U+FEFF).
  var ENDS_IN_SPACE_RE = /\p{White_Space}$/u;

  function splitWords(folded) {
    return folded.split(NOT_WORD_RE).filter(function (w) { return w !== ""; });
  }

  function cpLength(s) {
    var n = 0;
    for (var _ of s) n++; // eslint-disable-line no-unused-vars
    return n;
  }

  // Beyond these a query is pasted text, not typed words (query.rs).
  var MAX_QUERY_WORDS = 32, MAX_WORD_CHARS = 64;

  // Without a stop list: the folded words and whether the last is a prefix.
  function queryWords(text, stopWords) {
    text = String(text == null ? "" : text);
    var all = splitWords(fold(text)).map(function (w) {
      return w.length > MAX_WORD_CHARS && cpLength(w) > MAX_WORD_CHARS
        ? Array.from(w).slice(0, MAX_WORD_CHARS).join("")
        : w;
    });
    var words = all;
    if (stopWords) {
      var kept = all.filter(function (w) { return !stopWords.has(w); });
      if (kept.length) words = kept;
    }
    var cutShort = words.length > MAX_QUERY_WORDS;
    words = words.slice(0, MAX_QUERY_WORDS);
    var last = words[words.length - 1];
    var prefixLast = !ENDS_IN_SPACE_RE.test(text) && !cutShort && last !== undefined && cpLength(last) >= 2;
    return { words: words, prefixLast: prefixLast };
  }

  /* ---- Shards ---- */

  // A prefix as a file name: [a-z0-9] kept, else "_" + hex code point; "" is "_".
  function shardFile(prefix) {
    if (prefix === "") return "_";
    var out = "";
    for (var ch of prefix) {
      out += /^[a-z0-9]$/.test(ch) ? ch : "_" + ch.codePointAt(0).toString(16);
    }
    return out;
  }

  // Per-manifest lookup tables, computed once.
  var derived = typeof WeakMap === "function" ? new WeakMap() : null;
  function info(manifest) {
    var d = derived && derived.get(manifest);
    if (d) return d;
    d = {
      termSet: new Set(manifest.termShards || []),
      stemSet: new Set(manifest.stemShards || []),
      termFiles: {},
      stemFiles: {},
      stop: new Set(manifest.stopWords || []),
      weights: manifest.weights || { exact: 4, stem: 3, prefix: 2, topic: 1, typo: 1 },
      stemmers: manifest.stemmers || {},
      typos: manifest.typos || { minLength: 5, twoFrom: 8, keep: 3 },
      topicScore: manifest.topicScore == null ? 100 : manifest.topicScore,
      prefixLimit: manifest.prefixLimit == null ? Infinity : manifest.prefixLimit,
    };
    (manifest.termShards || []).forEach(function (p) { d.termFiles[shardFile(p)] = p; });
    (manifest.stemShards || []).forEach(function (p) { d.stemFiles[shardFile(p)] = p; });
    if (derived) derived.set(manifest, d);
    return d;
  }

  // The longest listed prefix `word` starts with, or null.
  function shardOf(set, word) {
    var cps = Array.from(word);
    for (var n = cps.length; n >= 0; n--) {
      var p = n === cps.length ? word : cps.slice(0, n).join("");
      if (set.has(p)) return p;
    }
    return null;
  }

  // Every shard that can hold a word starting with `word`: the shard of
  // `word` itself and every listed prefix that starts with `word`.
  function shardsWithPrefix(list, set, word) {
    var out = [];
    var home = shardOf(set, word);
    if (home !== null) out.push(home);
    for (var i = 0; i < list.length; i++) {
      if (list[i] !== home && list[i].startsWith(word)) out.push(list[i]);
    }
    return out;
  }

  function emptyStore() {
    return { manifest: null, terms: {}, stems: {}, topics: {}, docs: {}, stemmers: {} };
  }

  // Files a query needs, recorded while the ranking walks the store. Each
  // lookup of a missing shard notes its path and acts as if it were empty;
  // the engine loads what was noted and walks again, until nothing is missing.
  function Walk(store, missing) {
    this.store = store;
    this.manifest = store.manifest;
    this.info = info(store.manifest);
    this.missing = missing; // Set of paths, or null when ranking
  }
  Walk.prototype.note = function (path) {
    if (this.missing) this.missing.add(path);
  };
  Walk.prototype.termShard = function (prefix) {
    var shard = own(this.store.terms, prefix);
    if (shard === undefined) this.note("terms/" + shardFile(prefix));
    return shard;
  };
  // A term's entry, [documents, stem keys], or undefined.
  Walk.prototype.entryOf = function (term) {
    var prefix = shardOf(this.info.termSet, term);
    if (prefix === null) return undefined;
    return own(this.termShard(prefix), term);
  };
  // Stem keys of a term (empty if it is not a term).
  Walk.prototype.keysOf = function (term) {
    var entry = this.entryOf(term);
    return entry === undefined ? [] : entry[1];
  };
  // term -> postings (still delta-encoded) of one stem group.
  Walk.prototype.group = function (key) {
    var prefix = shardOf(this.info.stemSet, key);
    if (prefix === null) return undefined;
    var shard = own(this.store.stems, prefix);
    if (shard === undefined) {
      this.note("stems/" + shardFile(prefix));
      return undefined;
    }
    return own(shard, key);
  };
  // The prefixLimit terms other than `word` that start with it, in the most
  // documents (ties in code point order, as Rust orders strings); null while
  // a term shard they may be in is still missing.
  Walk.prototype.completions = function (word) {
    var list = this.manifest.termShards || [];
    var prefixes = shardsWithPrefix(list, this.info.termSet, word);
    var found = [];
    var complete = true;
    for (var i = 0; i < prefixes.length; i++) {
      var shard = this.termShard(prefixes[i]);
      if (!shard) { complete = false; continue; }
      for (var term in shard) {
        if (has.call(shard, term) && term !== word && term.startsWith(word) && !this.info.stop.has(term)) {
          found.push({ term: term, docs: shard[term][0] });
        }
      }
    }
    if (!complete) return null;
    found.sort(function (a, b) { return b.docs - a.docs || compareStrings(a.term, b.term); });
    return found.slice(0, this.info.prefixLimit).map(function (c) { return c.term; });
  };
  // The stem key of `word` in `lang`, as src/search/stem.rs and postings.rs make it: the
  // language's stemmer (loaded on first use) on the folded word, with the
  // accents its rules need restored, folded again; the word itself for a
  // language without a stemmer. null while the stemmer is missing.
  Walk.prototype.stemKey = function (lang, word) {
    var code = own(this.info.stemmers, lang);
    if (code === undefined) return word + "|" + lang;
    var stemmer = own(this.store.stemmers, code);
    if (!stemmer) {
      this.note("stemmers/" + code);
      return null;
    }
    var stemmed = stemmer.stem(restoreAccents(stemmer.restore || [], word));
    if (stemmer.refold && !ASCII_RE.test(stemmed)) stemmed = fold(stemmed);
    return stemmed + "|" + lang;
  };
  // Term → [documents, stem keys] of every term in the shards that can hold
  // words starting with `head`; null while one of them is missing.
  Walk.prototype.termsStartingWith = function (head) {
    var list = this.manifest.termShards || [];
    var prefixes = shardsWithPrefix(list, this.info.termSet, head);
    var shards = [];
    var complete = true;
    for (var i = 0; i < prefixes.length; i++) {
      var shard = this.termShard(prefixes[i]);
      if (shard) shards.push(shard);
      else complete = false;
    }
    return complete ? shards : null;
  };
  Walk.prototype.topicDocs = function (id) {
    var docs = own(this.store.topics, id);
    if (docs === undefined) this.note("topics/" + id);
    return docs || [];
  };

  /* ---- Ranking (spec steps 2–7; src/search/query.rs) ---- */

  // Folded Portuguese and Spanish endings get the accents their Snowball
  // rules are spelled with (the table comes with the stemmer; stem.rs).
  function restoreAccents(table, word) {
    if (cpLength(word) < 5) return word;
    for (var i = 0; i < table.length; i++) {
      var ending = table[i][0];
      if (word.length >= ending.length && word.slice(word.length - ending.length) === ending) {
        return word.slice(0, word.length - ending.length) + table[i][1];
      }
    }
    return word;
  }

  // The query as the ranking sees it: its words, whether they are all stop
  // words (then matched as typed) and the languages of its scope.
  function parse(walk, text, options) {
    var q = queryWords(text, walk.info.stop);
    var stopOnly = q.words.length > 0 && q.words.every(function (w) { return walk.info.stop.has(w); });
    var lang = options && options.lang != null ? String(options.lang) : "all";
    var languages = (walk.manifest.languages || []).map(function (l) { return l[0]; }).filter(function (l) {
      return lang === "all" || l === lang;
    });
    var parsed = { words: q.words, prefixLast: q.prefixLast, stopOnly: stopOnly, languages: languages };
    // Each word's keys, once (candidates and topic labels both need them),
    // and whether all they needed was loaded.
    parsed.keys = [];
    parsed.complete = [];
    q.words.forEach(function (word) {
      var before = walk.missing ? walk.missing.size : 0;
      parsed.keys.push(keysOfWord(walk, parsed, word));
      parsed.complete.push(!walk.missing || walk.missing.size === before);
    });
    return parsed;
  }

  // The stem keys a word reaches: the term's own (any language) and the
  // word stemmed in each language of the scope, whether or not the
  // handbook has that form.
  function keysOfWord(walk, parsed, word) {
    var keys = walk.keysOf(word).slice();
    if (parsed.stopOnly) return keys;
    for (var i = 0; i < parsed.languages.length; i++) {
      var key = walk.stemKey(parsed.languages[i], word);
      if (key !== null && keys.indexOf(key) < 0) keys.push(key);
    }
    return keys;
  }

  // Step 2: (term, stem key) -> kind weight of its best match, for one word,
  // and the term a typo was taken for, if any.
  function candidates(walk, parsed, i) {
    var w = walk.info.weights;
    var word = parsed.words[i];
    var missingBefore = walk.missing ? walk.missing.size : 0;
    // A candidate is a (term, stem key) pair: the key says which group's
    // postings count, so only the groups the query reached are ever loaded.
    var found = new Map();
    function offer(term, key, weight) {
      var id = term + "\u0001" + key;
      var best = found.get(id);
      if (best === undefined || weight > best.weight) found.set(id, { term: term, key: key, weight: weight });
    }
    var keys = parsed.keys[i];
    for (var k = 0; k < keys.length; k++) {
      var group = walk.group(keys[k]);
      if (!group) continue;
      for (var term in group) {
        if (has.call(group, term)) offer(term, keys[k], term === word ? w.exact : w.stem);
      }
    }
    var terms = parsed.prefixLast && i === parsed.words.length - 1 ? walk.completions(word) : null;
    if (terms) {
      for (var t = 0; t < terms.length; t++) {
        var termKeys = walk.keysOf(terms[t]);
        for (var j = 0; j < termKeys.length; j++) offer(terms[t], termKeys[j], w.prefix);
      }
    }
    var correction = null;
    // Only once everything the word needs is in: a missing shard must not
    // pass for "matches nothing".
    var complete = parsed.complete[i] && (!walk.missing || walk.missing.size === missingBefore);
    if (complete && found.size === 0 && !parsed.stopOnly && cpLength(word) >= walk.info.typos.minLength) {
      var typos = typoTerms(walk, word, parsed.languages);
      if (typos.length) correction = typos[0].term;
      typos.forEach(function (c) {
        c.keys.forEach(function (key) { offer(c.term, key, w.typo); });
      });
    }
    return { found: found, correction: correction };
  }

  // The closest terms within one typo of `word` that occur in the scope:
  // those at the fewest edits, at most prefixLimit, most documents first,
  // then code point order; with their keys in the scope's languages. The
  // first `keep` letters are taken as typed.
  function typoTerms(walk, word, languages) {
    var typos = walk.info.typos;
    var cps = Array.from(word);
    var most = cps.length >= typos.twoFrom ? 2 : 1;
    var head = cps.slice(0, typos.keep).join("");
    var shards = walk.termsStartingWith(head);
    if (!shards) return [];
    var found = [];
    shards.forEach(function (shard) {
      for (var term in shard) {
        if (!has.call(shard, term) || !term.startsWith(head) || walk.info.stop.has(term)) continue;
        var distance = editDistanceWithin(cps, Array.from(term), most);
        if (distance < 0) continue;
        var keys = shard[term][1].filter(function (key) {
          return languages.some(function (lang) { return key.endsWith("|" + lang); });
        });
        if (keys.length) found.push({ distance: distance, docs: shard[term][0], term: term, keys: keys });
      }
    });
    found.sort(function (a, b) {
      return a.distance - b.distance || b.docs - a.docs || compareStrings(a.term, b.term);
    });
    var closest = found.length ? found[0].distance : 0;
    return found.filter(function (c) { return c.distance === closest; }).slice(0, walk.info.prefixLimit);
  }

  // Optimal string alignment distance of two code point arrays, or -1 when
  // it is over `most` (src/search/query.rs, edit_distance_within).
  function editDistanceWithin(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return -1;
    var rows = [[], [], []];
    for (var j = 0; j <= b.length; j++) rows[0][j] = j;
    for (var i = 1; i <= a.length; i++) {
      var cur = rows[i % 3], prev = rows[(i + 2) % 3], prev2 = rows[(i + 1) % 3];
      cur[0] = i;
      var rowMin = i;
      for (j = 1; j <= b.length; j++) {
        var d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
        cur[j] = d;
        if (d < rowMin) rowMin = d;
      }
      if (rowMin > most) return -1;
    }
    var last = rows[a.length % 3][b.length];
    return last <= most ? last : -1;
  }

  // Step 3: doc -> best kind weight × impact among the word's candidates.
  function wordScores(walk, found) {
    var scores = new Map();
    found.forEach(function (candidate) {
      var postings = own(walk.group(candidate.key), candidate.term);
      if (!postings) return;
      var doc = 0;
      for (var i = 0; i + 1 < postings.length; i += 2) {
        doc += postings[i];
        var score = candidate.weight * postings[i + 1];
        var best = scores.get(doc);
        if (best === undefined || score > best) scores.set(doc, score);
      }
    });
    return scores;
  }

  // Step 4: [topic id, Set of indexes of the query words its labels use].
  function topicMatches(walk, parsed) {
    var words = parsed.words, prefixLast = parsed.prefixLast;
    var keys = parsed.keys;
    var last = words.length - 1;
    var matches = [];
    var topics = walk.manifest.topics || [];
    for (var t = 0; t < topics.length; t++) {
      var used = new Set();
      var matched = false;
      var labels = topics[t].labels || [];
      for (var l = 0; l < labels.length; l++) {
        var label = labels[l][1] || [];
        if (!label.length) continue; // an empty label matches nothing
        var labelUsed = [];
        var all = true;
        for (var j = 0; j < label.length && all; j++) {
          var term = label[j][0];
          var key = label[j][1];
          var hit = -1;
          // The first query word that matches the label word uses it.
          for (var i = 0; i < words.length; i++) {
            if (words[i] === term || (key != null && keys[i].indexOf(key) >= 0) ||
                (prefixLast && i === last && term.startsWith(words[i]))) {
              hit = i;
              break;
            }
          }
          if (hit < 0) all = false;
          else labelUsed.push(hit);
        }
        if (all) {
          matched = true;
          labelUsed.forEach(function (i) { used.add(i); });
        }
      }
      if (matched) matches.push([topics[t].id, used]);
    }
    return matches;
  }

  // The first query word that matches the label word (term, stem key):
  // equal, reaching its stem key, or (the word being typed) starting it; -1.
  function wordMatching(parsed, term, key) {
    var words = parsed.words, last = words.length - 1;
    for (var i = 0; i < words.length; i++) {
      if (words[i] === term || (key != null && parsed.keys[i].indexOf(key) >= 0) ||
          (parsed.prefixLast && i === last && term.startsWith(words[i]))) return i;
    }
    return -1;
  }

  function languageOf(manifest, doc) {
    var langs = manifest.languages || [];
    for (var i = 0; i < langs.length; i++) {
      if (doc >= langs[i][1] && doc < langs[i][2]) return langs[i][0];
    }
    return null;
  }

  // Code point order, as Rust sorts strings.
  function compareStrings(a, b) {
    if (a === b) return 0;
    var ia = a[Symbol.iterator](), ib = b[Symbol.iterator]();
    for (;;) {
      var x = ia.next(), y = ib.next();
      if (x.done) return y.done ? 0 : -1;
      if (y.done) return 1;
      var cx = x.value.codePointAt(0), cy = y.value.codePointAt(0);
      if (cx !== cy) return cx < cy ? -1 : 1;
    }
  }

  function walkQuery(walk, text, options) {
    var parsed = parse(walk, text, options);
    var words = parsed.words;
    var filter = filterOf(walk, options);
    var none = { hits: [], total: 0, corrections: [], wordTerms: [], also: [], words: [], prefixLast: false, facets: null };
    if (!words.length) {
      if (!filter.set) return none;
      if (walk.missing && walk.missing.size) return null;
      // Browsing: every document of the scope, in listing order.
      var all = [];
      (walk.manifest.languages || []).forEach(function (l) {
        if (parsed.languages.indexOf(l[0]) < 0) return;
        for (var d = l[1]; d < l[2]; d++) all.push([d, 0]);
      });
      return narrowed(walk, filter, all, none, options);
    }
    var matchedTerms = new Set();
    var corrections = [];
    var wordTerms = [];
    var perWord = words.map(function (word, i) {
      var c = candidates(walk, parsed, i);
      if (c.correction !== null) corrections.push([word, c.correction]);
      var own = new Set();
      c.found.forEach(function (candidate) { matchedTerms.add(candidate.term); own.add(candidate.term); });
      wordTerms.push(Array.from(own).sort(compareStrings));
      return wordScores(walk, c.found);
    });
    var bonus = walk.info.weights.topic * walk.info.topicScore;
    topicMatches(walk, parsed).forEach(function (m) {
      var docs = walk.topicDocs(m[0]);
      var doc = 0;
      for (var d = 0; d < docs.length; d++) {
        doc += docs[d];
        m[1].forEach(function (i) {
          var best = perWord[i].get(doc);
          if (best === undefined || bonus > best) perWord[i].set(doc, bonus);
        });
      }
    });
    if (walk.missing && walk.missing.size) return null;

    // The synonyms the query reached: every rule of a language of the scope
    // one of whose words it matches, as topic labels are matched (each word
    // of a rule's phrase has the postings of its pages: say why they came).
    var also = [];
    (walk.manifest.synonyms || []).forEach(function (rule) {
      var from = rule[1] || [];
      if (parsed.stopOnly || parsed.languages.indexOf(rule[0]) < 0) return;
      var reached = from.some(function (w) { return wordMatching(parsed, w[0], w[1]) >= 0; });
      if (reached) (rule[2] || []).forEach(function (to) { if (also.indexOf(to) < 0) also.push(to); });
    });

    var inScope = new Set(parsed.languages);
    var totals = new Map(); // doc -> [score, words]
    perWord.forEach(function (scores) {
      scores.forEach(function (score, doc) {
        if (!inScope.has(languageOf(walk.manifest, doc))) return;
        var entry = totals.get(doc);
        if (!entry) totals.set(doc, (entry = [0, 0]));
        entry[0] += score;
        entry[1] += 1;
      });
    });
    var every = [], any = [];
    totals.forEach(function (entry, doc) {
      any.push([doc, entry[0]]);
      if (entry[1] === words.length) every.push([doc, entry[0]]);
    });
    var ranked = every.length ? every : any;
    ranked.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    // The synonyms' words, as written, are shown marked like the query's own
    // (one more word for the sections' ranking per synonym).
    also.forEach(function (phrase) {
      var own = queryWords(phrase, walk.info.stop).words;
      own.forEach(function (w) { matchedTerms.add(w); });
      wordTerms.push(Array.from(new Set(own)).sort(compareStrings));
    });
    var terms = Array.from(matchedTerms).sort(compareStrings);
    var result = narrowed(walk, filter, ranked, {
      corrections: corrections,
      wordTerms: wordTerms,
      also: also,
      words: words.slice(),
      prefixLast: parsed.prefixLast,
    }, options);
    result.hits.forEach(function (hit) { hit.terms = terms.slice(); });
    return result;
  }

  /* ---- Filters (src/search/filters.rs) ---- */

  // A topic's documents as a Set (its file noted when missing).
  function topicSet(walk, id) {
    var docs = walk.topicDocs(id), set = new Set(), doc = 0;
    for (var i = 0; i < docs.length; i++) set.add((doc += docs[i]));
    return set;
  }

  // What options.topic and options.section narrow to: a topic or section the
  // index does not have keeps nothing (and loads nothing). With
  // options.facets, every topic's documents, to count them.
  function filterOf(walk, options) {
    var topic = options && options.topic != null ? String(options.topic) : null;
    var section = options && options.section != null ? String(options.section) : null;
    var topics = walk.manifest.topics || [];
    var known = function (id) { return topics.some(function (t) { return t.id === id; }); };
    var filter = { set: topic !== null || section !== null, topic: topic, section: section, sets: {} };
    if (topic !== null && known(topic)) filter.sets[topic] = topicSet(walk, topic);
    if (options && options.facets) topics.forEach(function (t) { filter.sets[t.id] = topicSet(walk, t.id); });
    return filter;
  }

  function inSection(manifest, id, doc) {
    return (manifest.sections || []).some(function (r) { return r[1] === id && doc >= r[3] && doc < r[4]; });
  }

  function keeps(walk, filter, doc, topic, section) {
    if (topic !== null && !(filter.sets[topic] && filter.sets[topic].has(doc))) return false;
    return section === null || inSection(walk.manifest, section, doc);
  }

  // The ranked documents the filter keeps, cut to the limit, with the
  // facets of all of them (when asked for).
  function narrowed(walk, filter, ranked, result, options) {
    var kept = ranked.filter(function (r) { return keeps(walk, filter, r[0], filter.topic, filter.section); });
    var limit = options && options.limit != null ? options.limit : Infinity;
    result.hits = kept.slice(0, limit).map(function (r) { return { doc: r[0], score: r[1], terms: [] }; });
    result.total = kept.length;
    result.facets = options && options.facets ? facets(walk, filter, ranked) : null;
    return result;
  }

  function facets(walk, filter, ranked) {
    var topics = [], sections = [];
    (walk.manifest.topics || []).forEach(function (t) {
      var n = ranked.filter(function (r) { return keeps(walk, filter, r[0], t.id, filter.section); }).length;
      if (n) topics.push([t.id, n]);
    });
    (walk.manifest.sections || []).forEach(function (range) {
      if (sections.some(function (s) { return s[0] === range[1]; })) return;
      var n = ranked.filter(function (r) { return keeps(walk, filter, r[0], filter.topic, range[1]); }).length;
      if (n) sections.push([range[1], n]);
    });
    return { topics: topics, sections: sections };
  }

  // A topic's name in `lang` (else English, else its first).
  function topicName(topic, lang) {
    var names = (topic && topic.names) || [];
    var pick = null;
    for (var i = 0; i < names.length; i++) if (names[i][0] === lang) pick = names[i][1];
    for (i = 0; !pick && i < names.length; i++) if (names[i][0] === "en") pick = names[i][1];
    return pick || (names[0] && names[0][1]) || (topic && topic.id) || "";
  }

  // The choices of a filter ("topic" or "section") for the page's language:
  // [value, "Name (count)"] of every topic or section with matches, and of
  // `value` (the chosen one) even without; names from the manifest.
  function filterChoices(manifest, result, kind, value, lang) {
    var counts = (result.facets && result.facets[kind === "topic" ? "topics" : "sections"]) || [];
    var name = function (id) {
      if (kind === "topic") {
        var topic = (manifest.topics || []).filter(function (t) { return t.id === id; })[0];
        return topic ? topicName(topic, lang) : id;
      }
      var ranges = (manifest.sections || []).filter(function (r) { return r[1] === id; });
      var own = ranges.filter(function (r) { return r[0] === lang; })[0] || ranges[0];
      return own ? own[2] : id;
    };
    var choices = counts.map(function (c) { return [c[0], name(c[0]) + " (" + c[1] + ")"]; });
    if (value && !counts.some(function (c) { return c[0] === value; })) choices.push([value, name(value) + " (0)"]);
    return choices;
  }

  /* ---- When nothing matches: the closest topics ---- */

  var SUGGESTED_TOPICS = 3, SUGGESTION_CLOSENESS = 400;

  // The pairs of adjacent characters of " text ", sorted.
  function letterPairs(text) {
    var cps = Array.from(" " + text + " ");
    var pairs = [];
    for (var i = 0; i + 1 < cps.length; i++) pairs.push([cps[i], cps[i + 1]]);
    return pairs.sort(function (a, b) { return compareStrings(a[0], b[0]) || compareStrings(a[1], b[1]); });
  }

  // 1000 × 2 × shared pairs / all pairs, rounded down, for sorted lists.
  function dice(a, b) {
    var i = 0, j = 0, shared = 0;
    while (i < a.length && j < b.length) {
      var c = compareStrings(a[i][0], b[j][0]) || compareStrings(a[i][1], b[j][1]);
      if (c < 0) i++;
      else if (c > 0) j++;
      else { shared++; i++; j++; }
    }
    return Math.floor(2000 * shared / Math.max(1, a.length + b.length));
  }

  // The topics whose labels, in any language, come closest to the query's
  // letter pairs (src/search/query.rs, suggest_topics): [{id, closeness}].
  function suggestTopics(manifest, text) {
    var words = queryWords(text, null).words;
    if (!words.length) return [];
    var query = letterPairs(words.join(" "));
    var found = [];
    (manifest.topics || []).forEach(function (topic) {
      var best = -1;
      (topic.labels || []).forEach(function (label) {
        var labelWords = label[1] || [];
        if (!labelWords.length) return;
        var closeness = dice(query, letterPairs(labelWords.map(function (w) { return w[0]; }).join(" ")));
        if (closeness > best) best = closeness;
      });
      if (best >= SUGGESTION_CLOSENESS) found.push({ id: topic.id, closeness: best });
    });
    found.sort(function (a, b) { return b.closeness - a.closeness || compareStrings(a.id, b.id); });
    return found.slice(0, SUGGESTED_TOPICS);
  }

  // The ranking on an already loaded store (see `needed`).
  function rank(store, text, options) {
    if (!store || !store.manifest) throw new Error("polybook search: the manifest is not loaded");
    return walkQuery(new Walk(store, null), text, options);
  }

  // Paths of the index files ("terms/co", "stems/cl", "topics/empathy") that
  // `rank` would read for this query and the store lacks. Some files are only
  // known once others are in (a term's stem keys name the stem shards, a stem
  // group names more terms), so: load these, ask again, until it is empty.
  function needed(store, text, options) {
    if (!store || !store.manifest) return ["manifest"];
    return attempt(store, text, options || { lang: "all" }).missing;
  }

  // One walk that both ranks and notes what is missing: the result when
  // nothing is (a warm query costs a single ranking), else null.
  function attempt(store, text, options) {
    var missing = new Set();
    var result = walkQuery(new Walk(store, missing), text, options);
    return { result: result, missing: Array.from(missing).sort() };
  }

  // Files a store to be used by `rank`: `path` as the file's load() call names it.
  function put(store, path, data) {
    if (path === "manifest") {
      store.manifest = data;
      return true;
    }
    var slash = path.indexOf("/");
    var kind = path.slice(0, slash), name = path.slice(slash + 1);
    if (kind === "docs") store.docs[name] = data;
    else if (kind === "topics") store.topics[name] = data;
    else if (kind === "stemmers") store.stemmers[name] = data;
    else if (kind === "terms" || kind === "stems") {
      if (!store.manifest) throw new Error("polybook search: load the manifest before " + path);
      var files = kind === "terms" ? info(store.manifest).termFiles : info(store.manifest).stemFiles;
      if (!has.call(files, name)) return false;
      store[kind][files[name]] = data;
    } else return false;
    return true;
  }

  /* ---- Highlighting and snippets ---- */

  var WORD_RE = /[\p{Alphabetic}\p{N}\p{M}]+/gu;

  // `text` as [{text, mark}] segments, every word whose fold is in `terms` marked.
  function highlight(text, terms) {
    text = String(text == null ? "" : text);
    var set = terms instanceof Set ? terms : new Set(terms || []);
    var out = [];
    var at = 0;
    function push(t, mark) {
      if (!t) return;
      var lastSeg = out[out.length - 1];
      if (lastSeg && lastSeg.mark === mark) lastSeg.text += t;
      else out.push({ text: t, mark: mark });
    }
    WORD_RE.lastIndex = 0;
    var m;
    while ((m = WORD_RE.exec(text))) {
      if (set.has(fold(m[0]))) {
        push(text.slice(at, m.index), false);
        push(m[0], true);
        at = m.index + m[0].length;
      }
    }
    push(text.slice(at), false);
    return out;
  }

  /* Snippets and sections (src/search/snippet.rs): the same steps, with the
     constants the manifest carries. Positions count code points. */
  var WORD_CHAR_RE = /[\p{Alphabetic}\p{N}\p{M}]/u;
  var SPACE_RE = /\p{White_Space}/u;
  var TRIM_RE = /^\p{White_Space}+|\p{White_Space}+$/gu;

  // Written once, in Rust (snippet.rs `SNIPPETS`): a copy here could drift.
  function snippetOptions(manifest) {
    if (!manifest || !manifest.snippets) throw new Error("polybook search: no snippet constants in the manifest");
    return manifest.snippets;
  }

  // Every word of the code points `cps[from..to]` as [start, end).
  function wordSpans(cps, from, to) {
    var spans = [];
    for (var i = from; i < to;) {
      if (WORD_CHAR_RE.test(cps[i])) {
        var start = i;
        while (i < to && WORD_CHAR_RE.test(cps[i])) i++;
        spans.push([start, i]);
      } else i++;
    }
    return spans;
  }

  // A result text's code points and words, kept with the fragment: each
  // keystroke cuts the same texts again, and folding their words was most of
  // the cost (a slow phone spent 15-50 ms of a keystroke on ten results).
  var TEXTS = typeof WeakMap === "function" ? new WeakMap() : null;
  function textOf(doc) {
    var t = TEXTS && TEXTS.get(doc);
    if (t) return t;
    var cps = Array.from(String(doc.text || ""));
    t = { cps: cps, spans: wordSpans(cps, 0, cps.length), folds: [] };
    if (TEXTS) TEXTS.set(doc, t);
    return t;
  }

  // firstMatch(t.cps, from, to, set), with the words found and folded once:
  // a word cut by `from` or `to` is folded as cut, as wordSpans would cut it.
  function firstMatchIn(t, from, to, set) {
    for (var i = 0; i < t.spans.length; i++) {
      var start = t.spans[i][0], end = t.spans[i][1];
      if (end <= from) continue;
      if (start >= to) break;
      var s = Math.max(start, from), e = Math.min(end, to);
      var word;
      if (s === start && e === end) {
        word = t.folds[i];
        if (word === undefined) word = t.folds[i] = fold(t.cps.slice(start, end).join(""));
      } else word = fold(t.cps.slice(s, e).join(""));
      if (set.has(word)) return s;
    }
    return -1;
  }

  function firstMatch(cps, from, to, set) {
    var spans = wordSpans(cps, from, to);
    for (var i = 0; i < spans.length; i++) {
      if (set.has(fold(cps.slice(spans[i][0], spans[i][1]).join("")))) return spans[i][0];
    }
    return -1;
  }

  // About `width` code points of cps[from..to] around `at`, as segments.
  function cutWindow(cps, from, to, at, set, o) {
    var back = Math.max(at - o.lead, from);
    var start = at;
    for (var j = back; j < at; j++) {
      if (j === from || SPACE_RE.test(cps[j - 1])) { start = j; break; }
    }
    var end = Math.min(start + o.width, to);
    if (end < to) {
      var floor = Math.max(start + o.width - o.slack, 0);
      for (var k = end; k > floor; k--) {
        if (SPACE_RE.test(cps[k])) { end = k; break; }
      }
    }
    var segments = highlight(cps.slice(start, end).join("").replace(TRIM_RE, ""), set);
    if (start > from) segments.unshift({ text: "… ", mark: false });
    if (end < to) segments.push({ text: " …", mark: false });
    return segments;
  }

  // [start, end) of the fragment's intro and of each section's text.
  function regions(doc, length) {
    var starts = [0];
    (doc.sections || []).forEach(function (s) { starts.push(Math.min(Number(s[2]) || 0, length)); });
    return starts.map(function (start, i) {
      var end = i + 1 < starts.length ? starts[i + 1] : length;
      return [start, Math.max(end, start)];
    });
  }

  // The result's own snippet: around the first match of its intro, else its
  // description, else its intro's start.
  function snippet(doc, terms, manifest) {
    var set = terms instanceof Set ? terms : new Set(terms || []);
    doc = doc || {};
    var t = textOf(doc), cps = t.cps;
    var r = regions(doc, cps.length)[0];
    var o = snippetOptions(manifest);
    var at = firstMatchIn(t, r[0], r[1], set);
    if (at >= 0) return cutWindow(cps, r[0], r[1], at, set, o);
    var description = String(doc.description || "");
    if (description || r[0] === r[1]) return highlight(description, set);
    return cutWindow(cps, r[0], r[1], r[0], set, o);
  }

  // The sections whose heading or text hold the query's words, best first
  // (per word: `heading` if in the heading, plus `body` if in the text; ties
  // in page order), at most `sections`: [{id, heading, snippet}].
  function sections(doc, wordTerms, manifest) {
    var o = snippetOptions(manifest);
    doc = doc || {};
    var t = textOf(doc), cps = t.cps;
    var list = doc.sections || [];
    var parts = regions(doc, cps.length);
    var words = (wordTerms || []).map(function (t) { return new Set(t); });
    var all = new Set();
    words.forEach(function (set) { set.forEach(function (t) { all.add(t); }); });
    var ranked = [];
    list.forEach(function (section, k) {
      var heading = Array.from(String(section[1] || ""));
      var r = parts[k + 1];
      var score = 0;
      words.forEach(function (set) {
        if (firstMatch(heading, 0, heading.length, set) >= 0) score += o.heading;
        if (firstMatchIn(t, r[0], r[1], set) >= 0) score += o.body;
      });
      if (score > 0) ranked.push([score, k]);
    });
    ranked.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    return ranked.slice(0, o.sections).map(function (entry) {
      var k = entry[1];
      var r = parts[k + 1];
      var at = firstMatchIn(t, r[0], r[1], all);
      return {
        id: String(list[k][0]),
        heading: highlight(String(list[k][1] || ""), all),
        snippet: cutWindow(cps, r[0], r[1], at >= 0 ? at : r[0], all, o),
      };
    });
  }

  /* ---- Loading ---- */

  // Waiters by path, shared by every engine of the page: index files call
  // the global polybookSearch.load(path, data).
  var waiting = {};
  function installLoader() {
    var existing = global.polybookSearch;
    if (existing && existing.__polybook) return;
    global.polybookSearch = {
      __polybook: true,
      load: function (path, data) {
        var list = waiting[path];
        delete waiting[path];
        if (list) list.forEach(function (done) { done(data); });
      },
    };
  }

  // Default transport: a <script src> per file (works from file://).
  function scriptTag(url) {
    return new Promise(function (resolve, reject) {
      var doc = global.document;
      if (!doc) { reject(new Error("polybook search: no document to load " + url)); return; }
      var script = doc.createElement("script");
      script.async = true;
      script.src = url;
      script.onload = function () { script.remove(); resolve(); };
      script.onerror = function () {
        script.remove();
        reject(new Error("polybook search: cannot load " + url));
      };
      (doc.head || doc.documentElement).appendChild(script);
    });
  }

  function create(options) {
    options = options || {};
    var manifestUrl = String(options.manifestUrl || "");
    var base = manifestUrl.replace(/manifest\.js(?:[?#].*)?$/, "");
    var inject = options.loadScript || scriptTag;
    var store = emptyStore();
    var loads = {};

    function load(path) {
      if (loads[path]) return loads[path];
      installLoader();
      var promise = new Promise(function (resolve, reject) {
        var settled = false;
        (waiting[path] = waiting[path] || []).push(function (data) {
          settled = true;
          put(store, path, data);
          resolve(data);
        });
        inject(path === "manifest" ? manifestUrl : base + path + ".js").then(function () {
          if (!settled) reject(new Error("polybook search: " + path + " did not load its data"));
        }, reject);
      });
      loads[path] = promise;
      promise.catch(function () { delete loads[path]; }); // a later query may retry
      return promise;
    }

    function ready() {
      return load("manifest").then(function () { return store.manifest; });
    }

    function search(text, opts) {
      var tried = new Set();
      function round() {
        var first = attempt(store, text, opts);
        if (!first.missing.length) return first.result;
        var need = first.missing.filter(function (p) { return !tried.has(p); });
        if (!need.length) return rank(store, text, opts);
        need.forEach(function (p) { tried.add(p); });
        return Promise.all(need.map(function (path) {
          return load(path).catch(function (error) {
            // The build writes topics/<id>.js only for topics that tag a
            // document: a missing one is a topic without documents.
            if (path.indexOf("topics/") === 0) put(store, path, []);
            else throw error;
          });
        })).then(round);
      }
      return ready().then(round);
    }

    // The stem keys of folded words in `lang`, once its stemmer is loaded
    // (null for a word the stemmer could not take).
    // Whether `search(text, opts)` and the texts of its hits need nothing
    // more loaded: then they resolve before the next frame.
    function cached(text, opts) {
      if (!store.manifest) return false;
      var first = attempt(store, text, opts);
      return !first.missing.length && first.result.hits.every(function (hit) { return has.call(store.docs, String(hit.doc)); });
    }

    function stemKeys(lang, words) {
      return ready().then(function again() {
        var missing = new Set();
        var walk = new Walk(store, missing);
        var keys = words.map(function (w) { return walk.stemKey(lang, w); });
        if (!missing.size) return keys;
        return Promise.all(Array.from(missing).map(load)).then(again);
      });
    }
    function stemKeyOf(lang, word) {
      return store.manifest ? new Walk(store, null).stemKey(lang, word) : null;
    }

    function doc(id) {
      var key = String(id);
      if (has.call(store.docs, key)) return Promise.resolve(store.docs[key]);
      return load("docs/" + key);
    }

    return {
      store: store,
      ready: ready,
      search: search,
      cached: cached,
      stemKeys: stemKeys,
      stemKeyOf: stemKeyOf,
      doc: doc,
      snippet: function (doc, terms) { return snippet(doc, terms, store.manifest); },
      sections: function (doc, wordTerms) { return sections(doc, wordTerms, store.manifest); },
      highlight: highlight,
      languageOf: function (id) { return store.manifest ? languageOf(store.manifest, id) : null; },
      suggestTopics: function (text) { return store.manifest ? suggestTopics(store.manifest, text) : []; },
      topicName: topicName,
      filterChoices: function (result, kind, value, lang) {
        return store.manifest ? filterChoices(store.manifest, result, kind, value, lang) : [];
      },
    };
  }

  // What a result's link carries to the page it opens (`?highlight=`, read
  // by highlight.js): the query's words, each forgiven typo replaced by the
  // word it was taken for, `*` after the last when it is still being typed.
  function highlightWords(result) {
    var corrections = result.corrections || [];
    var words = (result.words || []).map(function (word) {
      for (var i = 0; i < corrections.length; i++) if (corrections[i][0] === word) return corrections[i][1];
      return word;
    });
    var text = words.join(" ") + (result.prefixLast && words.length ? "*" : "");
    // The synonyms searched for are marked too; first, so that the `*`
    // stays on the query's last word.
    return (result.also || []).length ? (result.also.join(" ") + " " + text) : text;
  }

  global.PolybookSearch = {
    highlightWords: highlightWords,
    fold: fold,
    queryWords: function (text, stopWords) {
      return queryWords(text, stopWords ? new Set(stopWords) : null);
    },
    rank: rank,
    needed: needed,
    put: put,
    emptyStore: emptyStore,
    shardFile: shardFile,
    highlight: highlight,
    snippet: snippet,
    sections: sections,
    languageOf: languageOf,
    suggestTopics: suggestTopics,
    // The stem key of a folded word, with the language's stemmer in `store`.
    stemKey: function (store, lang, word) { return new Walk(store, null).stemKey(lang, word); },
    create: create,
  };
})(typeof globalThis !== "undefined" ? globalThis : this);
