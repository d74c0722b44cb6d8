// The error summary (the GOV.UK pattern). The page puts it first in the main content and asks
// the browser to focus it (autofocus); this makes sure it has the focus, so that it is in view
// and read out first, and makes its links show each field with its label or question.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) return;

  if (document.activeElement !== summary) summary.focus();

  // The label (or, for a group of radio buttons, the question) above the field.
  function labelFor(input) {
    var group = input.closest(".radios");
    var legend = group && group.closest("fieldset").querySelector("legend");
    return legend || document.querySelector("label[for='" + input.id + "']") || input;
  }

  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var input = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!input) return;
    event.preventDefault();
    labelFor(input).scrollIntoView();
    input.focus({ preventScroll: true });
  });
})();
