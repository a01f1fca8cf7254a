/* Review dates go stale without a rebuild: once the due date has passed, say so in the page.
   The date is compared in the reader's local calendar (a day's difference does not matter). */
(function () {
  "use strict";
  var note = document.querySelector("[data-ung-review]");
  if (!note) {
    return;
  }
  var due = note.getAttribute("data-due");
  var now = new Date();
  var today = [now.getFullYear(), String(now.getMonth() + 1).padStart(2, "0"), String(now.getDate()).padStart(2, "0")].join("-");
  if (due && today > due) {
    note.textContent = note.getAttribute("data-outdated");
    note.classList.add("ung-review--outdated");
    note.setAttribute("role", "note");
  }
})();
