/* Search for the classroom copy, with no server and no network.
 *
 * It speaks the reader's query language (reader/search/query.py), parsed the same
 * way step for step, so a search typed in the window finds the same in the copy:
 * every word must match (AND between words says the same); "quoted words" match
 * as a phrase; negot* matches any word that starts so; OR between two words or
 * phrases lets either do, binding only its neighbours; anything else is a plain
 * word. The copy matches whole words as written (the reader's index also knows
 * word stems): "threat" finds "threat", threat* finds "threats" too.
 *
 * search-index.js sets window.OTPIC_SEARCH_INDEX, each document's words in
 * order: it is a script rather than a JSON file because a page opened from
 * file:// may not fetch JSON. Words are folded as the exporter folds them (NFKD,
 * marks dropped, lower case). Plain ES5, so that old phones run it; without
 * scripts the form only reloads the contents page. Under node, the parser and
 * the search are exported for the tests, and nothing touches a page.
 */
(function (root) {
  "use strict";
  var MAX_CHARS = 1000;
  var MAX_TERMS = 32;
  var LIMIT = 50;
  var TRAILING = ".'\u2019-_/&+@";
  // Python's \s, exactly: JavaScript's lacks \x1c-\x1f and \x85, and adds \ufeff.
  var SPACE = "\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029" +
    "\\u202f\\u205f\\u3000";

  function pattern(source, flags, fallback) {
    try { return new RegExp(source, flags); } catch (e) { return fallback; }
  }
  var LETTER = "\\p{L}\\p{N}";
  var OLD_LETTER = "0-9A-Za-z\\u00aa\\u00b2\\u00b3\\u00b5\\u00b9\\u00ba\\u00bc-\\u00be" +
    "\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u02c1\\u0370-\\u0373\\u0376-\\u03ff" +
    "\\u0400-\\u0481\\u048a-\\u052f";
  var unicode = pattern("\\p{L}", "u", null) !== null;
  var L = unicode ? LETTER : OLD_LETTER;
  var U = unicode ? "gu" : "g";
  var MARKS = pattern("\\p{M}", "gu", /[\u0300-\u036f]/g);
  var WORD = new RegExp("[" + L + "]+", U);
  var ONE_LETTER = new RegExp("^[" + L + "]$", unicode ? "u" : "");
  // Everything that is neither a letter or digit, white space, a quote, a star, nor one
  // of the marks that join a word's parts (multi-track, U.S., l'Etat) separates words.
  var SEPARATORS = new RegExp("[^" + L + "_" + SPACE + "\"*.'\u2019\\-/&+@]|_", U);
  var CHUNK = new RegExp("\"([^\"]*)\"(\\*?)|([^" + SPACE + "]+)", "g");
  var QUOTES = /[\u201c\u201d\u201e\u00ab\u00bb]/g;
  var END_SPACE = new RegExp("[" + SPACE + "]+$");

  function codePoints(text) {
    return Array.from ? Array.from(text) : text.split("");
  }

  function findWords(text) {
    return text.match(WORD) || [];
  }

  /* The folded words of a text, as the exporter folds a page (search_index.py). */
  function fold(text) {
    var folded = String(text);
    if (folded.normalize) { folded = folded.normalize("NFKD"); }
    return findWords(folded.replace(MARKS, "").toLowerCase());
  }

  function isPrefix(chunk) {
    var stripped = chunk;
    while (stripped && TRAILING.indexOf(stripped.charAt(stripped.length - 1)) >= 0) {
      stripped = stripped.slice(0, -1);
    }
    if (stripped.length < 2 || stripped.charAt(stripped.length - 1) !== "*") { return false; }
    var last = codePoints(stripped.replace(/\*+$/, "")).pop();
    return last !== undefined && ONE_LETTER.test(last);
  }

  /* What a reader typed, as query.py's parse_query reads it: a list of groups, each a
   * list of terms {words: [...], prefix: bool}; all groups must match, any term of a
   * group will do. Never throws. */
  function parse(text) {
    text = text === null || text === undefined ? "" : String(text);
    text = codePoints(text).slice(0, MAX_CHARS).join("").replace(QUOTES, "\"");
    if ((text.split("\"").length - 1) % 2) { text = text.replace(/"/g, " "); }
    text = text.replace(SEPARATORS, " ");
    var tokens = [];
    var match;
    CHUNK.lastIndex = 0;
    while ((match = CHUNK.exec(text)) !== null) {
      if (match[1] !== undefined) {
        var inside = findWords(match[1]);
        if (inside.length) {
          tokens.push({ words: inside, prefix: Boolean(match[2]) ||
            match[1].replace(END_SPACE, "").slice(-1) === "*" });
        }
      } else if (match[3] === "OR" || match[3] === "AND") {
        tokens.push(match[3]);
      } else {
        var words = findWords(match[3]);
        if (words.length) { tokens.push({ words: words, prefix: isPrefix(match[3]) }); }
      }
    }
    return groups(tokens);
  }

  /* OR and AND join where both neighbours are terms; elsewhere they are plain words. */
  function groups(tokens) {
    var result = [];
    var joinNext = false;
    var count = 0;
    for (var i = 0; i < tokens.length; i++) {
      var token = tokens[i];
      if (typeof token === "string") {
        var before = i > 0 ? tokens[i - 1] : null;
        var after = i + 1 < tokens.length ? tokens[i + 1] : null;
        if (before && typeof before !== "string" && after && typeof after !== "string") {
          joinNext = token === "OR";
          continue;
        }
        token = { words: [token], prefix: false };
      }
      if (count >= MAX_TERMS) { break; }
      count++;
      if (joinNext && result.length) {
        result[result.length - 1].push(token);
      } else {
        result.push([token]);
      }
      joinNext = false;
    }
    return result;
  }

  /* Whether a term occurs in " word word … ": its folded words in a row, the last one
   * perhaps only begun. */
  function occurs(haystack, term) {
    var words = fold(term.words.join(" "));
    if (!words.length) { return false; }
    var needle = " " + words.join(" ") + (term.prefix ? "" : " ");
    return haystack.indexOf(needle) >= 0;
  }

  function groupsFound(haystack, query) {
    var found = 0;
    for (var g = 0; g < query.length; g++) {
      for (var t = 0; t < query[g].length; t++) {
        if (occurs(haystack, query[g][t])) { found++; break; }
      }
    }
    return found;
  }

  /* The documents that match, those matching more of it in their title first, and
   * otherwise in the index's order; null for a query with nothing to search. */
  function search(docs, text) {
    var query = parse(text);
    if (!query.length) { return null; }
    var hits = [];
    for (var k = 0; k < docs.length; k++) {
      var doc = docs[k];
      if (doc.haystack === undefined) {
        doc.haystack = " " + doc.text + " ";
        doc.titleHaystack = " " + fold(doc.title).join(" ") + " ";
      }
      if (groupsFound(doc.haystack, query) === query.length) {
        hits.push({ doc: doc, order: k, score: groupsFound(doc.titleHaystack, query) });
      }
    }
    hits.sort(function (a, b) { return (b.score - a.score) || (a.order - b.order); });
    return hits;
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { parse: parse, search: search, fold: fold };
    return;
  }

  var form = document.getElementById("search");
  var box = document.getElementById("search-box");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !box || !status || !list) { return; }
  var index = root.OTPIC_SEARCH_INDEX;
  if (!index || !index.docs) {
    status.textContent = "The search index of this copy is missing.";
    return;
  }

  function show(query) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var hits = search(index.docs, query);
    if (hits === null) { status.textContent = ""; return; }
    if (!hits.length) {
      status.textContent = "Nothing in this copy matches this search.";
      return;
    }
    status.textContent = (hits.length === 1 ? "1 match" : hits.length + " matches") +
      (hits.length > LIMIT ? ", the first " + LIMIT + " shown." : ".");
    for (var n = 0; n < hits.length && n < LIMIT; n++) {
      var doc = hits[n].doc;
      var item = document.createElement("li");
      if (doc.kind === "missing") { item.className = "missing"; }
      var link = document.createElement("a");
      link.href = doc.url;
      link.textContent = doc.title;
      item.appendChild(link);
      if (doc.where) {
        var where = document.createElement("span");
        where.className = "label";
        where.textContent = doc.where;
        item.appendChild(document.createTextNode(" "));
        item.appendChild(where);
      }
      list.appendChild(item);
    }
  }

  function fromAddress() {
    var match = /[?&]q=([^&#]*)/.exec(root.location.search || "");
    if (!match) { return ""; }
    try { return decodeURIComponent(match[1].replace(/\+/g, " ")); } catch (e) { return ""; }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(box.value);
  });
  box.addEventListener("input", function () { show(box.value); });
  var asked = fromAddress();
  if (asked) { box.value = asked; }
  if (box.value) { show(box.value); }
}(typeof window !== "undefined" ? window : this));
