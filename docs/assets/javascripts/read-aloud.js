/* "Læs op" (issue 16): reads the page's main text aloud with the browser's own speech
 * synthesis (speechSynthesis) – no third party, no request, nothing stored.
 * The button (partials/ung/read-aloud.html) is shown only when the browser has a voice for the
 * page's language. The text is read one block at a time (a heading, a paragraph, a list item);
 * the block being read is highlighted and the section (the nearest heading) is announced in a
 * status line. Pause / Fortsæt and Stop; leaving the page stops it. */
(function () {
  "use strict";

  var box = document.querySelector("[data-ung-readaloud]");
  var article = box && box.closest("article");
  var speech = window.speechSynthesis;
  if (!box || !article || !speech || typeof window.SpeechSynthesisUtterance !== "function") {
    return;
  }

  var BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, th, td, summary, blockquote, figcaption";
  var SKIP = "[data-ung-search-ignore], [data-ung-readaloud], .headerlink, .ung-review, .md-source-file, script, style, nav";
  var HEADING = /^H[1-4]$/;
  var CURRENT = "ung-readaloud--current";

  var play = box.querySelector("[data-ung-readaloud-play]");
  var stop = box.querySelector("[data-ung-readaloud-stop]");
  var status = box.querySelector("[data-ung-readaloud-status]");
  var language = (document.documentElement.getAttribute("lang") || "da").toLowerCase().split("-")[0];

  var voice = null;
  var queue = [];
  var position = 0;
  var state = "idle"; /* idle, reading, paused */
  var section = "";
  var current = null;

  function text(key, values) {
    return (box.getAttribute("data-" + key) || "").replace(/\{(\w+)\}/g, function (whole, name) {
      return values && name in values ? values[name] : whole;
    });
  }

  function findVoice() {
    var voices = speech.getVoices() || [];
    var matching = voices.filter(function (candidate) {
      return (candidate.lang || "").toLowerCase().replace("_", "-").split("-")[0] === language;
    });
    voice = matching.filter(function (candidate) { return candidate.localService; })[0] || matching[0] || null;
    box.hidden = !voice;
  }

  /* The article's text blocks in reading order, without nested duplicates. */
  function blocks() {
    var found = Array.prototype.slice.call(article.querySelectorAll(BLOCKS));
    return found.filter(function (element) {
      if (element.closest(SKIP)) {
        return false;
      }
      var parent = element.parentElement && element.parentElement.closest(BLOCKS);
      return !(parent && article.contains(parent));
    }).map(function (element) {
      var copy = element.cloneNode(true);
      Array.prototype.forEach.call(copy.querySelectorAll(SKIP), function (skipped) { skipped.remove(); });
      return { element: element, text: copy.textContent.replace(/\s+/g, " ").trim(), heading: HEADING.test(element.tagName) };
    }).filter(function (block) { return block.text; });
  }

  function highlight(element) {
    if (current) {
      current.classList.remove(CURRENT);
    }
    current = element;
    if (element) {
      element.classList.add(CURRENT);
    }
  }

  function speakNext() {
    if (state !== "reading") {
      return;
    }
    if (position >= queue.length) {
      finish(text("done"));
      return;
    }
    var block = queue[position];
    if (block.heading && block.text !== section) {
      section = block.text;
      status.textContent = text("reading", { section: section });
    }
    highlight(block.element);
    var utterance = new window.SpeechSynthesisUtterance(block.text);
    utterance.lang = voice.lang || language;
    utterance.voice = voice;
    utterance.onend = function () {
      if (queue[position] === block) {
        position += 1;
        speakNext();
      }
    };
    utterance.onerror = utterance.onend;
    speech.speak(utterance);
  }

  function finish(message) {
    state = "idle";
    queue = [];
    position = 0;
    section = "";
    speech.cancel();
    highlight(null);
    play.textContent = text("play");
    play.removeAttribute("aria-pressed");
    stop.hidden = true;
    status.textContent = message || "";
  }

  play.addEventListener("click", function () {
    if (state === "reading") {
      state = "paused";
      speech.pause();
      play.textContent = text("resume");
      status.textContent = text("paused");
      return;
    }
    if (state === "paused") {
      state = "reading";
      speech.resume();
      play.textContent = text("pause");
      status.textContent = text("reading", { section: section });
      return;
    }
    speech.cancel();
    queue = blocks();
    position = 0;
    section = "";
    state = "reading";
    play.textContent = text("pause");
    stop.hidden = false;
    speakNext();
  });

  stop.addEventListener("click", function () {
    finish("");
    play.focus();
  });

  window.addEventListener("pagehide", function () {
    if (state !== "idle") {
      finish("");
    }
  });

  findVoice();
  if (typeof speech.addEventListener === "function") {
    speech.addEventListener("voiceschanged", findVoice);
  }
})();
