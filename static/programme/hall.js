// The hall screen (and its preview on the control page): ticks the speaker countdown and the clock
// between two polls, keeps the last good content when the server answers with anything but the
// screen (a login page, an error, no network), and offers full screen. No inline script (CSP).
(function () {
  "use strict";
  var page = document.body;
  var timer = null; // {el, deadline (ms, performance clock) or null when paused, remaining (s)}
  var clockOffset = 0; // server time minus local time, in seconds

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function format(seconds) {
    var sign = seconds < 0 ? "+" : "";
    var s = Math.abs(seconds);
    return sign + pad(Math.floor(s / 60)) + ":" + pad(s % 60);
  }

  // Read the state the server just rendered (after the first load and after every poll).
  function read() {
    var el = document.querySelector(".hall-timer[data-remaining]");
    if (el) {
      var remaining = parseInt(el.getAttribute("data-remaining"), 10) || 0;
      var running = el.getAttribute("data-running") === "1";
      timer = {
        el: el,
        remaining: remaining,
        deadline: running ? performance.now() + remaining * 1000 : null,
      };
    } else {
      timer = null;
    }
    var clock = document.querySelector(".hall-clock[data-now]");
    if (clock) {
      clockOffset = parseInt(clock.getAttribute("data-now"), 10) - Date.now() / 1000;
    }
    tick();
  }

  function tick() {
    if (timer && timer.deadline !== null) {
      var left = Math.ceil((timer.deadline - performance.now()) / 1000);
      var text = timer.el.querySelector(".hall-countdown");
      if (text) {
        text.textContent = format(left);
      }
      timer.el.classList.toggle("overtime", left < 0);
      timer.el.classList.toggle("ending", left >= 0 && left <= 60);
      // The control page repeats the countdown next to its buttons.
      var mirrors = document.querySelectorAll("[data-timer-mirror]");
      for (var i = 0; i < mirrors.length; i++) {
        mirrors[i].textContent = format(left);
      }
    }
    var clock = document.querySelector(".hall-clock[data-now]");
    if (clock) {
      var now = new Date((Date.now() / 1000 + clockOffset) * 1000);
      // The server's time zone (Hà Nội) is what the hall reads: UTC+7, no daylight saving.
      var hanoi = new Date(now.getTime() + 7 * 3600 * 1000);
      clock.textContent = pad(hanoi.getUTCHours()) + ":" + pad(hanoi.getUTCMinutes());
    }
  }

  document.addEventListener("DOMContentLoaded", read);
  setInterval(tick, 250);

  // Only the hall partial may replace the screen; anything else (a login page after the session
  // expired, an error page) is ignored and the screen says the connection is lost.
  function isHall(event) {
    var elt = event.detail && event.detail.elt;
    return Boolean(elt && elt.hasAttribute && elt.hasAttribute("data-hall-poll"));
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    if (!isHall(event)) {
      return;
    }
    var xhr = event.detail.xhr;
    if (!xhr || xhr.getResponseHeader("X-Hall-Live") !== "1" || xhr.status !== 200) {
      event.detail.shouldSwap = false;
      page.classList.add("hall-stale");
    }
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    if (isHall(event)) {
      page.classList.remove("hall-stale");
      read();
    }
  });
  ["htmx:sendError", "htmx:responseError", "htmx:timeout"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      if (isHall(event)) {
        page.classList.add("hall-stale");
      }
    });
  });

  // Full screen on demand (browsers require a click); the button hides itself in full screen.
  var button = document.getElementById("hall-fullscreen");
  if (button) {
    button.addEventListener("click", function () {
      var root = document.documentElement;
      if (root.requestFullscreen) {
        root.requestFullscreen().catch(function () {});
      }
    });
    document.addEventListener("fullscreenchange", function () {
      page.classList.toggle("is-fullscreen", Boolean(document.fullscreenElement));
    });
    // Hide the pointer and the button after a few seconds without moving the mouse.
    var idle = null;
    var wake = function () {
      page.classList.remove("hall-idle");
      clearTimeout(idle);
      idle = setTimeout(function () {
        page.classList.add("hall-idle");
      }, 4000);
    };
    document.addEventListener("mousemove", wake);
    wake();
  }
})();
