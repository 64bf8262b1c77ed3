// I-FORCE progressive enhancements. Every page works without this file: it only
// warns before the session ends for inactivity, and lets the warning's button keep
// the session without leaving the page (through htmx, which posts the same form).
(function () {
  "use strict";
  var idle = parseInt(document.body.getAttribute("data-idle-seconds") || "0", 10);
  var box = document.getElementById("idle-warning");
  if (!idle || !box) {
    return;
  }
  var warnBefore = 120; // seconds of warning before the idle limit (half of a short limit)
  var warnTimer = 0;
  var endTimer = 0;

  function schedule() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    box.hidden = true;
    warnTimer = window.setTimeout(function () {
      box.hidden = false;
      var button = box.querySelector("button");
      if (button) {
        button.focus();
      }
    }, Math.max(idle / 2, idle - warnBefore) * 1000);
    // At the limit, reload: the server has ended the session and shows the sign-in page.
    endTimer = window.setTimeout(function () {
      window.location.assign(window.location.pathname + window.location.search);
    }, (idle + 2) * 1000);
  }

  // Any request that reaches the server moves the idle limit.
  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail && event.detail.successful) {
      schedule();
    }
  });
  schedule();
})();

// The check page: Enter checks what was typed; in an MRZ being scanned line by line,
// Enter starts the next line and the check runs when the lines are complete (or at
// Ctrl+Enter). After an answer the value is selected, so the next scan replaces it.
(function () {
  "use strict";
  var q = document.getElementById("f-q");
  if (!q || !q.form || q.form.id !== "check-form") {
    return;
  }
  function complete(lines) {
    if (lines.length === 2) {
      return lines[0].length === 44 && lines[1].length === 44 || lines[0].length === 36 && lines[1].length === 36;
    }
    return lines.length === 3 && lines.every(function (l) { return l.length === 30; });
  }
  q.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || event.shiftKey || event.isComposing) {
      return;
    }
    var lines = q.value.split("\n").map(function (l) { return l.replace(/\s/g, ""); }).filter(function (l) { return l; });
    var mrz = q.value.indexOf("<") >= 0;
    if (event.ctrlKey || event.metaKey || !mrz || complete(lines)) {
      event.preventDefault();
      q.form.requestSubmit();
    }
  });
  if (document.getElementById("answer")) {
    q.focus();
    q.select();
  }
})();

// Uploads: say that the work is under way while the browser sends the file.
(function () {
  "use strict";
  var forms = document.querySelectorAll("form.upload-form");
  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener("submit", function () {
      form.classList.add("is-working");
    });
  });
})();
