// The fast ballot entry screen: keyboard only. Ballot number, Enter, the struck names' numbers,
// Enter saves (the page comes back with the focus on the ballot number); Esc goes back.
// The names typed are crossed out in the list beside the form, so the counter sees what he typed.
(function () {
  "use strict";
  var form = document.getElementById("ballot-entry");
  if (!form) {
    return;
  }
  var number = form.querySelector("[name=number]");
  var struck = form.querySelector("[name=struck]");
  var preview = document.getElementById("struck-preview");
  var rows = {};
  document.querySelectorAll("#ballot-names tr[data-number]").forEach(function (row) {
    rows[row.getAttribute("data-number")] = row;
  });
  var seats = parseInt(form.getAttribute("data-seats"), 10);
  var total = parseInt(form.getAttribute("data-names"), 10);
  var lang = document.documentElement.lang || "vi";
  var text = lang.indexOf("en") === 0
    ? { struck: " struck out, ", kept: " kept", tooMany: " — keeps more names than seats: the ballot will be invalid", none: " — keeps no name", unknown: "Not on the ballot: " }
    : { struck: " tên bị gạch, ", kept: " tên được giữ lại", tooMany: " — giữ lại nhiều hơn số lượng cần bầu: phiếu không hợp lệ", none: " — gạch hết tên", unknown: "Không có trong danh sách: " };

  function parse(value) {
    var out = [];
    value.replace(/[,;+]/g, " ").split(/\s+/).forEach(function (token) {
      var range = /^(\d+)-(\d+)$/.exec(token);
      if (range) {
        for (var i = parseInt(range[1], 10); i <= parseInt(range[2], 10) && i - range[1] < 500; i++) {
          out.push(String(i));
        }
      } else if (token) {
        out.push(token.replace(/^0+(?=\d)/, ""));
      }
    });
    return out;
  }

  function refresh() {
    var numbers = parse(struck.value);
    var unknown = [];
    Object.keys(rows).forEach(function (key) {
      rows[key].classList.toggle("struck", numbers.indexOf(key) !== -1);
    });
    numbers.forEach(function (n) {
      if (!rows[n]) {
        unknown.push(n);
      }
    });
    if (!struck.value.trim()) {
      preview.textContent = "";
      preview.classList.remove("warn");
      return;
    }
    var distinct = numbers.filter(function (n, i) { return numbers.indexOf(n) === i && rows[n]; }).length;
    var kept = total - distinct;
    var message = distinct + text.struck + kept + text.kept;
    var warn = false;
    if (kept > seats) {
      message += text.tooMany;
      warn = true;
    } else if (kept === 0 && total > seats) {
      message += text.none;
      warn = true;
    }
    if (unknown.length) {
      message = text.unknown + unknown.join(", ") + ". " + message;
      warn = true;
    }
    preview.textContent = message;
    preview.classList.toggle("warn", warn);
  }

  number.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      if (number.value.trim()) {
        struck.focus();
        struck.select();
      }
    }
  });
  struck.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      number.focus();
      number.select();
    }
  });
  struck.addEventListener("input", refresh);
  refresh();
  // After a refusal the page comes back with the faulty field marked: put the cursor there.
  var invalid = form.querySelector(".is-invalid");
  if (invalid) {
    invalid.focus();
    invalid.select && invalid.select();
  }
})();
