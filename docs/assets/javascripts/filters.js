/* Lesson catalogue filters. Without JavaScript the catalogue is grouped by theme, with an
   overview grouped by grade, subject and duration; with it, four selects (theme, grade,
   subject, duration) show only the matching material, the overview and empty groups are
   hidden, and the count is announced through a live region. Each item carries its values
   in data-theme, data-grade (space-separated), data-subject and data-duration. */
(function () {
  "use strict";
  var catalogue = document.querySelector("[data-ung-materials]");
  var form = catalogue && catalogue.querySelector("[data-ung-filters]");
  if (!form) {
    return;
  }
  var selects = form.querySelectorAll("[data-ung-filter]");
  var count = catalogue.querySelector("[data-ung-count]");
  var overview = catalogue.querySelector("[data-ung-overview]");
  var items = catalogue.querySelectorAll(".ung-material");
  var groups = catalogue.querySelectorAll("[data-ung-group]");

  function matches(item) {
    return Array.prototype.every.call(selects, function (select) {
      var wanted = select.value;
      var values = (item.getAttribute("data-" + select.getAttribute("data-ung-filter")) || "").split(" ");
      return !wanted || values.indexOf(wanted) !== -1;
    });
  }

  function apply() {
    var shown = 0;
    Array.prototype.forEach.call(items, function (item) {
      var match = matches(item);
      item.hidden = !match;
      shown += match ? 1 : 0;
    });
    Array.prototype.forEach.call(groups, function (group) {
      group.hidden = !group.querySelector(".ung-material:not([hidden])");
    });
    count.textContent = count.getAttribute("data-template").replace("{count}", String(shown));
  }

  form.hidden = false;
  if (overview) {
    overview.hidden = true;
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply();
  });
})();
