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
