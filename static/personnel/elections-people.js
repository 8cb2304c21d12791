// The party-member lookup box: htmx fills the suggestions as one types; a click (or Enter on a
// suggestion) puts the member's card number in the box and closes the list.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-fill]");
    if (!button) {
      return;
    }
    var input = document.getElementById(button.getAttribute("data-fill"));
    if (input) {
      input.value = button.getAttribute("data-value");
      input.focus();
    }
    var list = button.closest(".person-suggestions");
    if (list) {
      list.innerHTML = "";
    }
  });
})();
