/* Material's own script (bundle.js: the header, the table of contents that follows the reader,
 * back to top, tooltips) is started when the reader first does something – taps, types, moves
 * the mouse, scrolls – not while the page loads. Loading it with the page held the phone's only
 * free hand for 300–600 ms: on a slow phone the page could not be tapped – the quick exit
 * included – until it was done. Everything a reader needs first works without it: the links,
 * the menu (a checkbox), the help bar, the quick exit, the search (search.js). Nothing is stored
 * and nothing leaves the site: the file is ours (data-bundle names it, overrides/main.html). */
(function () {
  "use strict";

  var bundle = document.currentScript && document.currentScript.getAttribute("data-bundle");
  var FIRST_ACTIONS = ["pointerdown", "touchstart", "keydown", "mousemove", "wheel", "scroll", "focusin"];
  var started = false;
  if (!bundle) {
    return;
  }

  function start() {
    if (started) {
      return;
    }
    started = true;
    FIRST_ACTIONS.forEach(function (name) {
      window.removeEventListener(name, start, true);
    });
    var script = document.createElement("script");
    script.src = bundle;
    script.onload = function () {
      /* Material starts on DOMContentLoaded, which has fired long before: announce it again. If
       * the page is still loading, the real one is still to come, and it is enough. */
      if (document.readyState !== "loading") {
        document.dispatchEvent(new Event("DOMContentLoaded"));
      }
    };
    document.body.appendChild(script);
  }

  FIRST_ACTIONS.forEach(function (name) {
    window.addEventListener(name, start, { capture: true, passive: true });
  });

  /* One thing Material does at start cannot wait for an action: a code block or a table wider
   * than the screen (the editors' guide on a phone) scrolls sideways, and must be reachable
   * with the keyboard before the first key is pressed (WCAG 2.1.1). */
  var blocks = document.querySelectorAll(".md-typeset pre > code, .md-typeset table:not([class])");
  for (var i = 0; i < blocks.length; i++) {
    if (blocks[i].scrollWidth > blocks[i].clientWidth && !blocks[i].hasAttribute("tabindex")) {
      blocks[i].setAttribute("tabindex", "0");
    }
  }
})();
