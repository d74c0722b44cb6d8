// The library's filters are folded on a phone, so the results come first, and open when a
// filter is applied (the server writes `open`). On a wide screen there is room for both, so
// they start open there. Progressive enhancement only: without this script the disclosure
// works as it is.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 48rem)");
  Array.prototype.forEach.call(document.querySelectorAll("details[data-open-when-wide]"), function (details) {
    if (wide.matches) details.open = true;
  });
})();
