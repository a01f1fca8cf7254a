/* Site search, the part on every page: shows the search button and loads the search dialog
 * (search-dialog.js and search-dialog.css) only when the reader moves to the button or
 * presses it. Pagefind loads later still, when the dialog opens. Without JavaScript, or in a
 * browser without <dialog>, the button stays hidden: no dead end. */
(function () {
  "use strict";

  var box = document.querySelector("[data-ung-search]");
  var dialog = box && box.querySelector("[data-ung-search-dialog]");
  var button = box && box.querySelector("[data-ung-search-open]");
  var here = document.currentScript && document.currentScript.src;
  if (!box || !dialog || !button || !here || typeof dialog.showModal !== "function") {
    return;
  }
  var loading = null;

  function add(element) {
    return new Promise(function (resolve, reject) {
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  function load() {
    if (!loading) {
      var style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = new URL("../stylesheets/search-dialog.css", here).href;
      var script = document.createElement("script");
      script.src = new URL("search-dialog.js", here).href;
      loading = add(style).then(function () { return add(script); });
    }
    return loading;
  }

  function openWhenLoaded() {
    button.removeEventListener("click", openWhenLoaded);
    box.setAttribute("data-ung-search-pending", "");
    load();
  }

  button.addEventListener("click", openWhenLoaded);
  button.addEventListener("focus", load, { once: true });
  button.addEventListener("pointerenter", load, { once: true });
  box.hidden = false;
})();
