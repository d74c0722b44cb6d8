// The main menu on a small screen: a disclosure (the WAI-ARIA pattern, as GOV.UK's service
// navigation does it). The page comes with the "Menu" button hidden and the links showing,
// so without JavaScript every link is there; this shows the button and folds the links
// behind it while the screen is narrow. Escape closes the open menu and returns to the button.
(function () {
  "use strict";
  var button = document.querySelector("[data-main-nav] button[aria-controls]");
  var menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!menu) return;
  // The same width as the style sheet's small-screen rules.
  var narrow = window.matchMedia("(max-width: 40rem)");

  function setOpen(open) {
    button.setAttribute("aria-expanded", String(open));
    menu.hidden = narrow.matches && !open;
  }

  function fit() {
    button.hidden = !narrow.matches;
    setOpen(false);
  }

  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  button.parentNode.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || menu.hidden || button.hidden) return;
    setOpen(false);
    button.focus();
  });
  narrow.addEventListener("change", fit);
  fit();
})();
