/* Quick exit ("Forlad siden hurtigt").
 *
 * Without JavaScript the button and the second skip link are plain links to a neutral page.
 * This script adds: hide the page at once, remove what this site keeps in the browser's
 * storage, and replace the current history entry (location.replace), so Back does not
 * return here. Pressing Shift three times (each within 5 s of the last, Shift alone – not
 * as a modifier) does the same; a visually hidden status counts down for screen readers.
 */
(function () {
  "use strict";

  var PRESSES_NEEDED = 3;
  var WINDOW_MS = 5000;

  var links = document.querySelectorAll("[data-ung-exit]");
  if (!links.length) {
    return;
  }
  var exitUrl = links[0].getAttribute("href");
  var status = document.querySelector("[data-ung-exit-status]");

  function clearStorage() {
    [window.sessionStorage, window.localStorage].forEach(function (storage) {
      try {
        storage.clear();
      } catch (error) {
        /* Storage can be blocked (private mode); leaving must still work. */
      }
    });
  }

  function exit(event) {
    if (event) {
      event.preventDefault();
    }
    document.documentElement.classList.add("ung-exiting");
    clearStorage();
    window.location.replace(exitUrl);
  }

  function announce(text) {
    if (status) {
      status.textContent = text;
    }
  }

  Array.prototype.forEach.call(links, function (link) {
    link.addEventListener("click", exit);
  });

  var presses = 0;
  var timer = null;
  var shiftIsDown = false;
  var shiftUsedAsModifier = false;

  function reset() {
    presses = 0;
    window.clearTimeout(timer);
    timer = null;
    announce("");
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) {
        shiftIsDown = true;
        shiftUsedAsModifier = event.ctrlKey || event.altKey || event.metaKey;
      }
      return;
    }
    /* Any other key – also Shift+letter – resets the count. */
    if (shiftIsDown) {
      shiftUsedAsModifier = true;
    }
    if (presses) {
      reset();
    }
  });

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") {
      return;
    }
    shiftIsDown = false;
    if (shiftUsedAsModifier) {
      shiftUsedAsModifier = false;
      return;
    }
    presses += 1;
    window.clearTimeout(timer);
    if (presses >= PRESSES_NEEDED) {
      announce(status ? status.getAttribute("data-leaving") : "");
      exit();
      return;
    }
    var template = status ? status.getAttribute("data-template") : "";
    announce(template.replace("{count}", String(PRESSES_NEEDED - presses)));
    timer = window.setTimeout(reset, WINDOW_MS);
  });
})();
