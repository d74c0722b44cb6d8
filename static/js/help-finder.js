// Type-to-search for the finder's country chooser, with GOV.UK's accessible-autocomplete
// (static/vendor/accessible-autocomplete). Progressive enhancement: the native select stays in
// the form, hidden, and takes the country picked, so the form is sent exactly as without
// JavaScript (?country=kenya).
(function () {
  "use strict";
  if (!window.accessibleAutocomplete) return;
  // The words come from the form's data- attributes (templates/helpfinder/includes/country_chooser.html),
  // translated into the page's language; {count}, {position} and {country} are filled in here.
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (placeholder, name) {
      return name in values ? values[name] : placeholder;
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll(".country-chooser select"), function (select) {
    var words = select.form.dataset;
    window.accessibleAutocomplete.enhanceSelectElement({
      selectElement: select,
      defaultValue: "",
      showNoOptionsFound: true,
      tNoResults: function () {
        return words.noResults;
      },
      tStatusNoResults: function () {
        return words.noResults;
      },
      tAssistiveHint: function () {
        return words.assistiveHint;
      },
      tStatusResults: function (count, selectedOption) {
        return fill(words.statusResults, { count: count }) + " " + selectedOption;
      },
      tStatusSelectedOption: function (country, count, index) {
        return fill(words.statusSelected, { country: country, position: index + 1, count: count });
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
