/* Site search (issue 8): the search dialog in the header (partials/ung/search.html).
 *
 * Loaded by search.js (a few lines on every page) when the reader opens the search or moves
 * to its button. Pagefind itself waits until the dialog opens (or its field gets focus):
 * then Pagefind's pagefind.js, its worker and WebAssembly for the page's language, and
 * pagefind/folding.<lang>.json (the site's words with æ, ø, å). Each query then loads only
 * the index chunks and page fragments it needs. The index is split by <html lang>, so a
 * Danish page finds Danish pages and an English page English ones.
 *
 * On top of Pagefind (Danish stemming, prefix matching while typing, tags and theme search
 * words as weighted metadata – hooks/search_index.py):
 * - words typed without æ, ø, å: "hjalp"/"hjaelp" is also searched as "hjælp", "boern" as
 *   "børn", using the word list; results of both are merged;
 * - whole words before prefix accidents: a page where every typed word is a whole word
 *   (Pagefind's exact search, stemmed: "bil" finds "biler", not "billeder") ranks above pages
 *   that only have longer words starting with it;
 * - sentences: small words ("hvad", "min", "my", "is") are dropped; pages with all the other
 *   words come first, then pages with fewer of them – never nothing when some word is found;
 * - slang and synonyms (data/synonyms.yml, shipped as pagefind/synonyms.<lang>.json): a typed
 *   word also searches its `find` words ("kokain" -> "stoffer"), and words such as "anonym" or
 *   "ringe" put the pages editors chose first (the help page), through a Pagefind filter.
 * No cookies, no storage, no requests outside the site.
 */
(function () {
  "use strict";

  var box = document.querySelector("[data-ung-search]");
  var dialog = box && box.querySelector("[data-ung-search-dialog]");
  if (!box || !dialog || typeof dialog.showModal !== "function") {
    return; /* The control stays hidden: no dead end. */
  }

  var MIN_LENGTH = 2;
  var SHOWN = 8;
  var DEBOUNCE_MS = 180;
  var MAX_VARIANTS = 4;
  var MAX_UNFOLDINGS = 3;
  var RANKING = {
    termSimilarity: 1.5,
    metaWeights: { title: 5, tags: 4, words: 4, section: 0 }
  };
  /* Small words that say little about what someone looks for. They are searched only when
   * the query has nothing else ("hvad er hash" is searched as "hash"). */
  var STOP_WORDS = {
    da: ("af alle alt andre at bare blev bliver blive da de dem den denne der deres det dig din dine dit du efter eller " +
      "en er et for fordi fra før få gjorde gør gøre ham han hans har havde have hele hende hendes her hos hun hvad " +
      "hvem hvis hvor hvordan hvorfor hvornår i ikke ind jeg jer jo kan kun lidt lige man med meget men mere mig min " +
      "mine mit mod må nogen noget nok nu når og også om op os over på sig sin sine sit skal skulle som så sådan til " +
      "ud under var ved vi vil ville vores være været").split(" "),
    en: ("a about after all also am an and any are as at be been being but by can could did do does doing for from " +
      "get got had has have he her him his how i if in into is it its just me much my no not now of on or our out " +
      "really she should so some someone somebody something that the their them then there they this to too up " +
      "us very was we were what when where which who why will with would you your").split(" ")
  };
  /* Danish and English endings, for telling a whole word ("biler" for "bil") from a longer
   * word that merely starts the same ("billeder"). Longest first. */
  var ENDINGS = ["erendes", "erende", "hedens", "erede", "ethed", "heden", "heder", "endes", "ernes", "erens",
    "erets", "ered", "ende", "erne", "eren", "erer", "heds", "enes", "eres", "eret", "ing", "hed", "ene", "ere",
    "ens", "ers", "ets", "'s", "ed", "en", "er", "es", "et", "e", "s"];
  /* æ, ø, å as people type them without a Danish keyboard: two-letter and one-letter forms. */
  var FOLDS = [
    { "æ": "ae", "ø": "oe", "å": "aa" },
    { "æ": "a", "ø": "o", "å": "a" }
  ];

  var openButton = box.querySelector("[data-ung-search-open]");
  var closeButton = box.querySelector("[data-ung-search-close]");
  var form = box.querySelector("[data-ung-search-form]");
  var input = box.querySelector("[data-ung-search-input]");
  var message = box.querySelector("[data-ung-search-message]");
  var empty = box.querySelector("[data-ung-search-empty]");
  var list = box.querySelector("[data-ung-search-results]");
  var root = new URL(box.getAttribute("data-root") || "./", document.baseURI);
  var language = (document.documentElement.getAttribute("lang") || box.getAttribute("data-lang") || "da").toLowerCase();

  var engine = null;
  var ready = false;
  var searchId = 0;
  var timer = null;
  var leavingForResult = false;
  var decoder = document.createElement("textarea");

  box.hidden = false;

  function text(key, values) {
    var template = box.getAttribute("data-" + key) || "";
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && name in values ? values[name] : whole;
    });
  }

  /* ---- Loading: only on open or focus ------------------------------------------------ */

  function load() {
    if (!engine) {
      engine = Promise.all([
        import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
          return pagefind.options({ baseUrl: root.pathname, excerptLength: 24, ranking: RANKING })
            .then(function () { return pagefind.init(); })
            .then(function () { return pagefind; });
        }),
        json("folding", []).then(foldingTable),
        json("synonyms", {})
      ]).then(function (parts) {
        return { pagefind: parts[0], folding: parts[1], synonyms: parts[2] };
      });
      engine.catch(function () {
        engine = null; /* Try again on the next search. */
      });
    }
    return engine;
  }

  /* pagefind/<name>.<lang>.json, or `fallback` when it is missing or broken. */
  function json(name, fallback) {
    return fetch(new URL("pagefind/" + name + "." + language + ".json", root).href, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : fallback; })
      .catch(function () { return fallback; })
      .then(function (value) { return value && typeof value === "object" ? value : fallback; });
  }

  /* ---- Slang and synonyms ------------------------------------------------------------- */

  /* What data/synonyms.yml adds for a typed word (or a form of it: "mobbet" for "mobbede"). */
  function synonymOf(word, synonyms) {
    if (Object.prototype.hasOwnProperty.call(synonyms, word)) {
      return synonyms[word];
    }
    var base = stem(word);
    var found = null;
    Object.keys(synonyms).some(function (key) {
      if (key.length > 3 && stem(key) === base) {
        found = synonyms[key];
      }
      return found;
    });
    return found;
  }

  /* The words a term's choices (as typed, unfolded) add, and the filter values ("group.position")
   * of the pages they put first. */
  function synonymsFor(choices, synonyms) {
    var finds = [];
    var first = [];
    choices.forEach(function (choice) {
      var entry = synonymOf(choice, synonyms);
      if (entry) {
        finds = finds.concat(entry.find || []);
        first = first.concat(entry.first || []);
      }
    });
    return { finds: unique(finds).filter(function (word) { return choices.indexOf(word) === -1; }), first: unique(first) };
  }

  /* ---- æ, ø, å ------------------------------------------------------------------------ */

  function fold(word, table) {
    return word.replace(/[æøå]/g, function (letter) { return table[letter]; });
  }

  function foldingTable(words) {
    var entries = [];
    (Array.isArray(words) ? words : []).forEach(function (word) {
      FOLDS.forEach(function (table) {
        entries.push({ folded: fold(word, table), word: word, table: table });
      });
    });
    return entries;
  }

  /* The start of entry.word that, folded, is as long as what was typed ("hjal" -> "hjæl"). */
  function prefixFor(entry, typed) {
    for (var end = 1; end < entry.word.length; end++) {
      var part = entry.word.slice(0, end);
      if (fold(part, entry.table).length >= typed.length) {
        return part;
      }
    }
    return entry.word;
  }

  /* The real words a term typed without æ, ø, å may stand for. */
  function unfoldings(term, folding) {
    if (/[æøå]/.test(term) || term.length < MIN_LENGTH) {
      return [];
    }
    var exact = [];
    var longest = null;
    var prefixes = [];
    folding.forEach(function (entry) {
      if (entry.folded === term) {
        exact.push(entry.word);
      } else if (entry.folded.indexOf(term) === 0) {
        prefixes.push(prefixFor(entry, term));
      } else if (entry.folded.length >= 3 && term.indexOf(entry.folded) === 0 &&
                 (!longest || entry.folded.length > longest.folded.length)) {
        longest = entry; /* "hjaelpen" -> "hjælp" + "en" */
      }
    });
    var found = exact.concat(longest && !exact.length ? [longest.word + term.slice(longest.folded.length)] : [], prefixes);
    return unique(found).filter(function (word) { return word !== term; }).slice(0, MAX_UNFOLDINGS);
  }

  function unique(items) {
    return items.filter(function (item, index) { return items.indexOf(item) === index; });
  }

  function wordsOf(text) {
    return text.toLowerCase().normalize("NFC").replace(/ä/g, "æ").replace(/ö/g, "ø")
      .split(/[\s"]+/)
      .map(function (word) { return word.replace(/^[^\p{L}\p{N}§]+|[^\p{L}\p{N}]+$/gu, ""); })
      .filter(Boolean);
  }

  function termsOf(query) {
    var terms = unique(wordsOf(query));
    var stop = STOP_WORDS[language] || [];
    var meaningful = terms.filter(function (term) { return stop.indexOf(term) === -1; });
    return meaningful.length ? meaningful : terms;
  }

  function stem(word) {
    for (var i = 0; i < ENDINGS.length; i++) {
      var ending = ENDINGS[i];
      if (word.length - ending.length >= 3 && word.slice(-ending.length) === ending) {
        word = word.slice(0, -ending.length);
        break;
      }
    }
    return word.replace(/([bcdfghjklmnpqrstvwxz])\1$/, "$1"); /* stoff(er) -> stof */
  }

  /* Whole queries to run: as typed first, then with unfolded words (at most MAX_VARIANTS). */
  function variantsOf(options) {
    var variants = [[]];
    options.forEach(function (choices) {
      var next = [];
      variants.forEach(function (variant) {
        choices.forEach(function (choice) { next.push(variant.concat([choice])); });
      });
      variants = next.slice(0, MAX_VARIANTS);
    });
    return variants;
  }

  /* ---- Searching and ranking ---------------------------------------------------------- */

  function idsOf(response) {
    var ids = {};
    response.results.forEach(function (result) { ids[result.id] = true; });
    return ids;
  }

  function search(query) {
    var id = ++searchId;
    var terms = termsOf(query);
    if (query.trim().length < MIN_LENGTH || !terms.length) {
      showNothing();
      return Promise.resolve();
    }
    if (!ready) {
      message.textContent = text("loading"); /* Only while Pagefind loads, on the first search. */
    }
    return load().then(function (loaded) {
      ready = true;
      var pagefind = loaded.pagefind;
      var first = [];
      var options = terms.map(function (term) {
        var choices = [term].concat(unfoldings(term, loaded.folding));
        var added = synonymsFor(choices, loaded.synonyms);
        first = first.concat(added.first);
        var all = choices.concat(added.finds);
        all.synonymFrom = choices.length; /* choices from here on are synonyms */
        return all;
      });
      var variants = variantsOf(options);
      /* Per word: where it occurs at all (prefix search) and as a whole word (exact search). */
      var perTerm = Promise.all(options.map(function (choices) {
        return Promise.all(choices.map(function (choice, index) {
          return Promise.all([pagefind.search(choice), pagefind.search("\"" + choice + "\"")])
            .then(function (pair) {
              var synonym = index >= choices.synonymFrom;
              return { folded: index > 0 && !synonym, synonym: synonym, any: pair[0], whole: idsOf(pair[1]) };
            });
        }));
      }));
      var together = terms.length > 1
        ? Promise.all(variants.map(function (variant) { return pagefind.search(variant.join(" ")); }))
        : Promise.resolve([]);
      /* The pages editors put first for a typed word (a Pagefind filter, see search.py). */
      var firstPages = Promise.all(unique(first).map(function (value) {
        return pagefind.search(null, { filters: { first: value } }).then(function (response) {
          return { rank: 100 - Number(value.split(".")[1] || 99), ids: idsOf(response) };
        });
      })).then(function (found) {
        var ranks = {};
        found.forEach(function (group) {
          Object.keys(group.ids).forEach(function (key) { ranks[key] = Math.max(ranks[key] || 0, group.rank); });
        });
        return ranks;
      });
      return Promise.all([perTerm, together, firstPages]).then(function (parts) {
        if (id !== searchId) {
          return;
        }
        var ranked = rank(parts[0], parts[1], parts[2]);
        var shown = ranked.slice(0, SHOWN);
        return Promise.all(shown.map(function (hit) { return hit.result.data(); }))
          .then(function (pages) {
            if (id === searchId) {
              shown.forEach(function (hit, index) {
                hit.page = pages[index];
                hit.quality = quality(hit.page, options);
              });
              shown.sort(compare);
              render(query.trim(), ranked.length, shown.map(function (hit) { return hit.page; }),
                terms.concat.apply(terms, options));
            }
          });
      });
    }).catch(function (error) {
      if (id === searchId) {
        showError(error);
      }
    });
  }

  function rank(perTerm, together, firstPages) {
    var pages = {};
    perTerm.forEach(function (choices, termIndex) {
      choices.forEach(function (choice) {
        choice.any.results.forEach(function (result) {
          var page = pages[result.id] || (pages[result.id] = { result: result, terms: {}, score: 0, combined: false });
          var previous = page.terms[termIndex];
          var current = { whole: !!choice.whole[result.id], folded: choice.folded, synonym: choice.synonym, score: result.score };
          if (!previous || better(current, previous)) {
            page.terms[termIndex] = current;
            if (termIndex === 0) {
              page.result = result; /* Its excerpt marks the words that matched best. */
            }
          }
        });
      });
    });
    /* Results of the whole query carry the excerpt with every word marked. */
    together.forEach(function (response) {
      response.results.forEach(function (result) {
        var page = pages[result.id];
        if (page && (!page.combined || result.score > page.result.score)) {
          page.result = result;
          page.combined = true;
        }
      });
    });
    var count = perTerm.length;
    var ranked = Object.keys(pages).map(function (key) {
      var page = pages[key];
      var matched = Object.keys(page.terms).map(function (index) { return page.terms[index]; });
      page.unmatched = count - matched.length;
      page.partial = matched.filter(function (term) { return !term.whole; }).length;
      page.folded = matched.filter(function (term) { return term.folded; }).length;
      page.synonym = matched.filter(function (term) { return term.synonym; }).length;
      page.score = page.combined ? page.result.score
        : matched.reduce(function (sum, term) { return sum + term.score; }, 0);
      page.quality = 0;
      page.first = firstPages[key] || 0; /* The first page listed ranks highest. */
      return page;
    });
    /* Pages with every word first, then pages with fewer of them: never nothing when a page
     * has one of the words. */
    return ranked.sort(compare);
  }

  function compare(a, b) {
    return (a.unmatched - b.unmatched) || (b.first - a.first) || (a.partial - b.partial) ||
      (b.quality - a.quality) || (a.synonym - b.synonym) || (a.folded - b.folded) || (b.score - a.score);
  }

  /* How many typed words the page has as the very word (or the word with an ending), in its
   * text or its tags – used to order the results shown ("bil": "biler" before "billigt"). */
  function quality(page, options) {
    var text = (page.raw_content || page.content || "").split(/[\r\n\s]+/);
    var found = (page.locations || []).map(function (location) { return text[location] || ""; })
      .concat([page.meta.tags, page.meta.words, page.meta.title].filter(Boolean).join(" "))
      .join(" ");
    var stems = wordsOf(found).map(stem);
    return options.filter(function (choices) {
      return choices.some(function (choice) { return stems.indexOf(stem(choice)) !== -1; });
    }).length;
  }

  function better(current, previous) {
    if (current.whole !== previous.whole) {
      return current.whole;
    }
    if (current.synonym !== previous.synonym) {
      return !current.synonym;
    }
    if (current.folded !== previous.folded) {
      return !current.folded;
    }
    return current.score > previous.score;
  }

  /* ---- Showing results ---------------------------------------------------------------- */

  function element(name, className, content) {
    var node = document.createElement(name);
    if (className) {
      node.className = className;
    }
    if (content) {
      node.textContent = content;
    }
    return node;
  }

  function decode(html) {
    decoder.innerHTML = html; /* A textarea only decodes entities; it never makes elements. */
    return decoder.value;
  }

  /* Pagefind's excerpt: escaped text with <mark> around the matched words. */
  function appendMarked(parent, excerpt) {
    var marked = false;
    excerpt.split(/(<mark>|<\/mark>)/).forEach(function (piece) {
      if (piece === "<mark>" || piece === "</mark>") {
        marked = piece === "<mark>";
      } else if (piece) {
        parent.appendChild(marked ? element("mark", "", decode(piece)) : document.createTextNode(decode(piece)));
      }
    });
  }

  /* The part of the page that matches best (a heading's section), if any. */
  function bestPart(page) {
    var best = null;
    var bestScore = 0;
    (page.sub_results || []).forEach(function (part) {
      var score = (part.weighted_locations || []).reduce(function (sum, location) {
        return sum + (location.balanced_score || location.weight || 0);
      }, 0);
      if (score > bestScore) {
        best = part;
        bestScore = score;
      }
    });
    return best;
  }

  /* Tags or search words that matched, when the page text itself did not. */
  function matchingTags(page, forms) {
    var tags = [page.meta.tags, page.meta.words].filter(Boolean).join(",").split(",");
    return unique(tags.map(function (tag) { return tag.trim(); }).filter(function (tag) {
      var words = tag.toLowerCase().split(/\s+/);
      return forms.some(function (form) {
        return words.some(function (word) {
          return word.indexOf(form) === 0 || FOLDS.some(function (table) { return fold(word, table).indexOf(form) === 0; });
        });
      });
    }));
  }

  function resultItem(page, forms) {
    var part = bestPart(page);
    var inPart = part && part.url.indexOf("#") !== -1 && part.title !== page.meta.title;
    var item = element("li", "ung-search__result");
    var link = element("a", "ung-search__link", page.meta.title || page.url);
    link.href = inPart ? part.url : page.url;
    link.setAttribute("data-ung-search-link", "");
    var heading = element("h3", "ung-search__result-title");
    heading.appendChild(link);
    item.appendChild(heading);
    var where = [page.meta.section, inPart ? part.title : ""].filter(Boolean).join(" › ");
    if (where) {
      item.appendChild(element("p", "ung-search__section", where));
    }
    var excerpt = (part && part.excerpt) || page.excerpt || "";
    var snippet = element("p", "ung-search__snippet");
    if (excerpt.indexOf("<mark>") === -1) {
      var tags = matchingTags(page, forms);
      if (tags.length) {
        var line = element("span", "ung-search__tags", text("tags") + ": ");
        tags.forEach(function (tag, index) {
          line.appendChild(element("mark", "", tag));
          if (index < tags.length - 1) {
            line.appendChild(document.createTextNode(", "));
          }
        });
        snippet.appendChild(line);
        snippet.appendChild(document.createTextNode(" "));
      }
    }
    appendMarked(snippet, "… " + excerpt + " …");
    item.appendChild(snippet);
    return item;
  }

  function render(query, count, pages, forms) {
    list.textContent = "";
    pages.forEach(function (page) { list.appendChild(resultItem(page, forms)); });
    empty.hidden = count > 0;
    if (!count) {
      message.textContent = text("none", { query: query });
      return;
    }
    var status = text(count === 1 ? "results-one" : "results-many", { count: count, query: query });
    if (count > pages.length) {
      status += " " + text("results-more", { shown: pages.length });
    }
    message.textContent = status;
  }

  function showNothing() {
    list.textContent = "";
    message.textContent = "";
    empty.hidden = true;
  }

  function showError(error) {
    list.textContent = "";
    message.textContent = text("error");
    empty.hidden = false;
    if (window.console && error) {
      window.console.warn("UngVejen search:", error);
    }
  }

  /* ---- The dialog --------------------------------------------------------------------- */

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { search(input.value); }, DEBOUNCE_MS);
  }

  function open() {
    if (!dialog.open) {
      dialog.showModal();
      document.documentElement.classList.add("ung-search-is-open");
    }
    input.focus();
    input.select();
    if (!engine && input.value.trim().length < MIN_LENGTH) {
      message.textContent = "";
    }
    load().catch(showError);
  }

  openButton.addEventListener("click", open);
  /* The reader pressed the button before this file had loaded: open now. */
  if (box.hasAttribute("data-ung-search-pending")) {
    box.removeAttribute("data-ung-search-pending");
    open();
  }
  closeButton.addEventListener("click", function () { dialog.close(); });
  input.addEventListener("focus", function () { load().catch(showError); });
  input.addEventListener("input", schedule);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    search(input.value);
  });

  dialog.addEventListener("close", function () {
    document.documentElement.classList.remove("ung-search-is-open");
    if (!leavingForResult) {
      openButton.focus();
    }
    leavingForResult = false;
  });

  /* A click on the backdrop (outside the dialog's box) closes it. */
  dialog.addEventListener("click", function (event) {
    if (event.target !== dialog) {
      return;
    }
    var rect = dialog.getBoundingClientRect();
    if (event.clientX < rect.left || event.clientX > rect.right || event.clientY < rect.top || event.clientY > rect.bottom) {
      dialog.close();
    }
  });

  /* A result on this very page (another section of it): close the dialog, then follow. */
  list.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-ung-search-link]");
    if (link && link.pathname === window.location.pathname) {
      leavingForResult = true;
      dialog.close();
    }
  });

  /* Arrow keys: from the field into the results and between them; Escape closes (native). */
  input.addEventListener("keydown", function (event) {
    var first = list.querySelector("[data-ung-search-link]");
    if (event.key === "ArrowDown" && first) {
      event.preventDefault();
      first.focus();
    }
  });
  list.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") {
      return;
    }
    var links = Array.prototype.slice.call(list.querySelectorAll("[data-ung-search-link]"));
    var index = links.indexOf(document.activeElement);
    if (index === -1) {
      return;
    }
    event.preventDefault();
    if (event.key === "ArrowDown") {
      (links[index + 1] || links[index]).focus();
    } else {
      (index === 0 ? input : links[index - 1]).focus();
    }
  });
})();
