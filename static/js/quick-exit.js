// Quick exit: leave for a neutral site at once, replacing this page in the history so
// Back does not return to it. The link works without JavaScript; this only adds the
// history replacement and the Shift-three-times shortcut.
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;

  function leave(event) {
    if (event) event.preventDefault();
    document.body.style.visibility = "hidden";
    document.title = "";
    window.location.replace(link.href);
  }

  link.addEventListener("click", leave);

  var presses = 0;
  var timer = null;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      presses = 0;
      return;
    }
    if (event.repeat) return;
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 1500);
    if (presses >= 3) leave();
  });
})();
