/* Search for the classroom copy, with no server and no network.
 *
 * search-index.js sets window.OTPIC_SEARCH_INDEX: it is a script rather than a
 * JSON file because a page opened from file:// may not fetch JSON. Every word
 * typed must occur in a page; the last word may be the start of a word, so
 * results come while typing. Words are folded as the exporter folds them
 * (NFKD, marks dropped, lower case). Written in plain ES5 so that old phones
 * run it; without scripts the form only reloads the contents page.
 */
(function () {
  "use strict";
  var form = document.getElementById("search");
  var box = document.getElementById("search-box");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !box || !status || !list) { return; }
  var index = window.OTPIC_SEARCH_INDEX;
  if (!index || !index.docs) {
    status.textContent = "The search index of this copy is missing.";
    return;
  }
  var LIMIT = 50;

  function pattern(source, fallback) {
    try { return new RegExp(source, "gu"); } catch (e) { return fallback; }
  }
  var MARKS = pattern("\\p{M}", /[\u0300-\u036f]/g);
  var WORD = pattern("[\\p{L}\\p{N}]+", /[0-9a-z\u00b5\u00df-\u00ff\u0100-\u024f\u0370-\u03ff\u0400-\u04ff]+/g);

  function words(text) {
    var folded = String(text);
    if (folded.normalize) { folded = folded.normalize("NFKD"); }
    return folded.replace(MARKS, "").toLowerCase().match(WORD) || [];
  }

  var docs = index.docs;
  var haystacks = [];
  var titles = [];
  for (var i = 0; i < docs.length; i++) {
    haystacks.push(" " + docs[i].words + " ");
    titles.push(" " + words(docs[i].title).join(" ") + " ");
  }

  function count(haystack, full, last) {
    var found = 0;
    for (var j = 0; j < full.length; j++) {
      if (haystack.indexOf(" " + full[j] + " ") >= 0) { found++; }
    }
    if (haystack.indexOf(" " + last) >= 0) { found++; }
    return found;
  }

  function search(query) {
    var full = words(query);
    if (!full.length) { return null; }
    var last = full.pop();
    var hits = [];
    for (var k = 0; k < docs.length; k++) {
      if (count(haystacks[k], full, last) === full.length + 1) {
        hits.push({ doc: docs[k], order: k, score: count(titles[k], full, last) });
      }
    }
    hits.sort(function (a, b) { return (b.score - a.score) || (a.order - b.order); });
    return hits;
  }

  function show(query) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var hits = search(query);
    if (hits === null) { status.textContent = ""; return; }
    if (!hits.length) {
      status.textContent = "Nothing in this copy has all of these words.";
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
    var match = /[?&]q=([^&#]*)/.exec(window.location.search || "");
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
}());
