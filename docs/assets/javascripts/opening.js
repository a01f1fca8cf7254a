/* "Åben nu" (issue 16): the opening status of contacts with structured opening hours
 * (data/contacts.yml `opening`, partials/ung/opening.html), worked out in the browser from the
 * time in Denmark (CET/CEST, whatever the device's time zone). Danish public holidays
 * are computed here (Easter-based). Nothing is stored and nothing is requested. Without
 * JavaScript the status stays hidden and the hours are shown as text. */
(function () {
  "use strict";

  var HOUR_MS = 3600000;
  var DAY_MS = 86400000;
  var LOOK_AHEAD_DAYS = 14;

  var texts = document.querySelector("[data-ung-open-texts]");
  var statuses = document.querySelectorAll("[data-ung-opening]");
  if (!texts || !statuses.length) {
    return;
  }

  function text(key, values) {
    return (texts.getAttribute("data-" + key) || "").replace(/\{(\w+)\}/g, function (whole, name) {
      return values && name in values ? values[name] : whole;
    });
  }

  /* The date and time in Denmark now: {day: UTC midnight of the Danish date (ms), minutes}.
   * Worked out from UTC by the EU's summer-time rule (UTC+2 from 01:00 UTC on the last Sunday
   * of March to 01:00 UTC on the last Sunday of October, UTC+1 otherwise), not with
   * Intl.DateTimeFormat's time zones: the browser's first use of those costs 50–70 ms on a
   * 2-core machine, on every page load – a long task before the reader can tap anything. */
  function lastSunday(year, month) {
    var last = Date.UTC(year, month + 1, 0);
    return last - new Date(last).getUTCDay() * DAY_MS;
  }

  function danishNow(date) {
    var time = date.getTime();
    var year = date.getUTCFullYear();
    var summer = time >= lastSunday(year, 2) + HOUR_MS && time < lastSunday(year, 9) + HOUR_MS;
    var local = new Date(time + (summer ? 2 : 1) * HOUR_MS);
    return {
      day: Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()),
      minutes: local.getUTCHours() * 60 + local.getUTCMinutes()
    };
  }

  /* Easter Sunday (Gregorian; the anonymous algorithm), as UTC midnight. */
  function easter(year) {
    var a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
    var f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
    var h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
    var l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
    var month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
    return Date.UTC(year, month - 1, day);
  }

  /* Danish public holidays: New Year's Day, Maundy Thursday, Good Friday, Easter Sunday and
   * Monday, Ascension Day, Whit Sunday and Monday, Christmas Day and Boxing Day. */
  function isHoliday(day) {
    var date = new Date(day);
    var year = date.getUTCFullYear();
    var fixed = [[0, 1], [11, 25], [11, 26]].some(function (md) {
      return date.getUTCMonth() === md[0] && date.getUTCDate() === md[1];
    });
    var fromEaster = Math.round((day - easter(year)) / DAY_MS);
    return fixed || [-3, -2, 0, 1, 39, 49, 50].indexOf(fromEaster) !== -1;
  }

  function minutesOf(time) {
    var parts = time.split(":");
    return Number(parts[0]) * 60 + Number(parts[1]);
  }

  function clock(minutes) {
    var hours = Math.floor(minutes / 60), rest = minutes % 60;
    return String(hours) + (rest ? text("time-separator") + (rest < 10 ? "0" : "") + rest : "");
  }

  /* "now" when open, else the next opening: {offset: days from today, minutes}. */
  function status(opening, now) {
    if (opening.always) {
      return "now";
    }
    for (var offset = 0; offset <= LOOK_AHEAD_DAYS; offset++) {
      var day = now.day + offset * DAY_MS;
      if (opening.holidays && isHoliday(day)) {
        continue;
      }
      var weekday = (new Date(day).getUTCDay() + 6) % 7; /* Monday 0 */
      var next = null;
      for (var i = 0; i < opening.times.length; i++) {
        var entry = opening.times[i];
        if (entry.days.indexOf(weekday) === -1) {
          continue;
        }
        var from = minutesOf(entry.from), to = minutesOf(entry.to);
        if (offset === 0 && now.minutes >= from && now.minutes < to) {
          return "now";
        }
        if ((offset > 0 || now.minutes < from) && (next === null || from < next)) {
          next = from;
        }
      }
      if (next !== null) {
        return { offset: offset, minutes: next };
      }
    }
    return null;
  }

  function describe(opening, now) {
    var found = status(opening, now);
    if (found === "now") {
      return { open: true, text: text("now") };
    }
    if (!found) {
      return { open: false, text: text("closed") };
    }
    var time = clock(found.minutes);
    if (found.offset === 0) {
      return { open: false, text: text("today", { time: time }) };
    }
    if (found.offset === 1) {
      return { open: false, text: text("tomorrow", { time: time }) };
    }
    var weekday = (new Date(now.day + found.offset * DAY_MS).getUTCDay() + 6) % 7;
    return { open: false, text: text("day", { day: text("days").split(",")[weekday], time: time }) };
  }

  function update() {
    var now = danishNow(new Date());
    Array.prototype.forEach.call(statuses, function (element) {
      var opening;
      try {
        opening = JSON.parse(element.getAttribute("data-ung-opening"));
      } catch (error) {
        return;
      }
      var result = describe(opening, now);
      var slot = element.querySelector("[data-ung-opening-text]");
      if (slot) {
        /* The help bar's short status: its slot already has room for "open" or "closed". */
        slot.textContent = result.open ? text("now") : text("closed");
      } else {
        element.textContent = result.text;
      }
      element.classList.toggle("ung-open--open", result.open);
      element.classList.toggle("ung-open--closed", !result.open);
      element.hidden = false;
    });
  }

  update();
  window.setInterval(update, 60000);
})();
