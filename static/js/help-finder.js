// Type-to-search for the finder's country chooser, with GOV.UK's accessible-autocomplete
// (static/vendor/accessible-autocomplete). Progressive enhancement: the native select stays in
// the form, hidden, and takes the country picked, so the form is sent exactly as without
// JavaScript (?country=kenya).
(function () {
  "use strict";
  if (!window.accessibleAutocomplete) return;
  Array.prototype.forEach.call(document.querySelectorAll(".country-chooser select"), function (select) {
    window.accessibleAutocomplete.enhanceSelectElement({
      selectElement: select,
      defaultValue: "",
      showNoOptionsFound: true,
      tNoResults: function () {
        return "No country matches";
      },
    });
    var input = select.form.querySelector("input[role='combobox']");
    // Text that names no country (typed, then never picked) must not send the country chosen before.
    select.form.addEventListener("submit", function () {
      var option = select.options[select.selectedIndex];
      if (!input || !option || option.textContent !== input.value) select.value = "";
    });
  });
})();
