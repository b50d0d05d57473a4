// "Alla ja" on the vote form (minutes/paragraph_edit.html). Without JavaScript the button
// submits and the server shows the form again with every serving member at ja, recording
// nothing. With it, the choices are set here and the change is announced in the form's
// status region; the button stops being a submit button, so Enter in a text field still
// records the vote as before.
(function () {
  "use strict";

  function enhance(button) {
    var form = button.form;
    var status = document.getElementById(button.getAttribute("data-status"));
    button.type = "button";
    button.addEventListener("click", function () {
      var yes = form.querySelectorAll('input[type="radio"][name^="ballot_"][value="ja"]');
      yes.forEach(function (radio) {
        radio.checked = true;
      });
      form.querySelectorAll('select[name^="ballot_"]').forEach(function (select) {
        select.value = "ja";
      });
      if (status) {
        var text =
          "Alla " + yes.length + " tjänstgörande ledamöter har ja. Ändra dem som röstade " +
          "annorlunda och registrera omröstningen; inget är registrerat ännu.";
        // Emptied first, so that pressing the button again is announced again.
        status.textContent = "";
        window.setTimeout(function () {
          status.textContent = text;
        }, 50);
      }
    });
  }

  function start() {
    document.querySelectorAll("button[data-all-yes]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
