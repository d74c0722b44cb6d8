// Conditional reveal (the GOV.UK pattern): a radio button with data-aria-controls shows the
// parts of the form it names (their ids) only while it is chosen; several radio buttons may
// share a part. Without JavaScript every part shows, with a hint saying who needs it; the
// server decides what is required either way. As GOV.UK Frontend does, the button gets
// aria-controls but no aria-expanded, which ARIA does not allow on a radio button.
(function () {
  "use strict";
  var controllers = Array.prototype.slice.call(document.querySelectorAll("input[type='radio'][data-aria-controls]"));
  if (!controllers.length) return;

  function targetsOf(input) {
    return input.getAttribute("data-aria-controls").split(" ");
  }

  var parts = {};
  controllers.forEach(function (input) {
    input.setAttribute("aria-controls", input.getAttribute("data-aria-controls"));
    targetsOf(input).forEach(function (id) {
      parts[id] = document.getElementById(id);
    });
  });

  function sync() {
    var shown = {};
    controllers.forEach(function (input) {
      if (input.checked) targetsOf(input).forEach(function (id) { shown[id] = true; });
    });
    Object.keys(parts).forEach(function (id) {
      if (parts[id]) parts[id].hidden = !shown[id];
    });
  }

  // Choosing a radio button unchecks another without telling it, so listen to the whole form.
  document.addEventListener("change", function (event) {
    if (event.target.type === "radio") sync();
  });
  // Also when the page comes back from the browser's history with an answer already chosen,
  // and once a reset has cleared the answers (the reset event comes before it does).
  window.addEventListener("pageshow", sync);
  document.addEventListener("reset", function () {
    window.setTimeout(sync, 0);
  });
  sync();
})();
