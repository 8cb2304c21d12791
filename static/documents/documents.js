// Reading page and disposition page behaviours, without inline scripts (CSP).
(function () {
  "use strict";
  // Let htmx show a form returned with 400 (invalid) or 409 (conflict): those carry the messages.
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status === 400 || status === 409) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  // Mark the paragraph whose comments are open.
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".para-link");
    if (!link) { return; }
    document.querySelectorAll(".doc-text .para.selected").forEach(function (el) { el.classList.remove("selected"); });
    var item = link.closest(".para");
    if (item) { item.classList.add("selected"); }
  });
  // A click anywhere on a paragraph row (number, counter) opens it, like a click on its text.
  document.addEventListener("click", function (event) {
    if (event.target.closest(".para-link, a, button, input, textarea, select")) { return; }
    var item = event.target.closest(".doc-text.clickable .para");
    if (item) {
      var link = item.querySelector(".para-link");
      if (link) { link.click(); }
    }
  });
  // After the panel loads on a narrow screen, bring it into view and focus its text box.
  document.body.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "comment-panel") {
      if (window.innerWidth < 992) { event.detail.target.scrollIntoView({ behavior: "smooth", block: "start" }); }
    }
  });
  // "Select all" checkbox of the bulk disposition.
  document.addEventListener("change", function (event) {
    var all = event.target.closest("[data-select-all]");
    if (!all) { return; }
    var name = all.getAttribute("data-select-all");
    document.querySelectorAll('input[type="checkbox"][name="' + name + '"]').forEach(function (box) {
      box.checked = all.checked;
    });
  });
})();
