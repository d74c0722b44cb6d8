// A new form after one was sent. Back from the confirmation shows the membership page again:
// the browser fetches it afresh (it is never cached), with a new time token, but puts back what
// was typed, and a form sent at once then looks like a robot's and is refused. So the
// confirmation leaves a note for this tab, and the form page that finds it starts blank, as a
// new form should. Back from anywhere else (the privacy notice) still keeps what was typed.
(function () {
  "use strict";
  var NOTE = "membership-form-sent";
  function storage() {
    try {
      return window.sessionStorage;
    } catch (error) {
      return null; // storage turned off: the browser's usual Back
    }
  }
  if (!storage()) return;
  if (document.querySelector("[data-form-sent]")) {
    storage().setItem(NOTE, "1");
    return;
  }
  window.addEventListener("pageshow", function (event) {
    var form = document.querySelector("form[data-fresh-after-send]");
    if (!form || !storage().getItem(NOTE)) return;
    if (event.persisted) {
      // The old page itself, kept whole by the browser with the tokens of the form already sent.
      window.location.reload();
      return;
    }
    storage().removeItem(NOTE);
    form.reset();
  });
})();
