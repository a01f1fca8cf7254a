/* Lesson catalogue filters. Without JavaScript the catalogue is grouped by theme; with it,
   two selects show only the matching material, empty groups are hidden, and the count is
   announced through a live region. */
(function () {
  "use strict";
  var catalogue = document.querySelector("[data-ung-materials]");
  var form = catalogue && catalogue.querySelector("[data-ung-filters]");
  if (!form) {
    return;
  }
  var themeSelect = form.querySelector("[data-ung-filter=theme]");
  var gradeSelect = form.querySelector("[data-ung-filter=grade]");
  var count = catalogue.querySelector("[data-ung-count]");
  var items = catalogue.querySelectorAll(".ung-material");
  var groups = catalogue.querySelectorAll("[data-ung-group]");

  function apply() {
    var theme = themeSelect.value;
    var grade = gradeSelect.value;
    var shown = 0;
    Array.prototype.forEach.call(items, function (item) {
      var matches = (!theme || item.getAttribute("data-theme") === theme) &&
        (!grade || item.getAttribute("data-grades").split(" ").indexOf(grade) !== -1);
      item.hidden = !matches;
      shown += matches ? 1 : 0;
    });
    Array.prototype.forEach.call(groups, function (group) {
      group.hidden = !group.querySelector(".ung-material:not([hidden])");
    });
    count.textContent = count.getAttribute("data-template").replace("{count}", String(shown));
  }

  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply();
  });
})();
