// Check-in page: clear the box after each check-in, filter the tick list, and scan badges with the
// webcam where the browser has the BarcodeDetector API. Typing a number and ticking names always work.
(function () {
  "use strict";
  var form = document.getElementById("checkin-form");
  if (!form) {
    return;
  }
  var input = form.querySelector("input[name=code]");

  function fold(text) {
    return (text || "")
      .toLowerCase()
      .replace(/[ðđ]/g, "d")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/\s+/g, " ")
      .trim();
  }

  document.body.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.elt === form) {
      input.value = "";
      input.focus();
    }
  });

  var filter = document.getElementById("tick-filter");
  if (filter) {
    filter.addEventListener("input", function () {
      var query = fold(filter.value);
      document.querySelectorAll("#tick-list tbody tr[data-search]").forEach(function (row) {
        row.hidden = query !== "" && row.getAttribute("data-search").indexOf(query) === -1;
      });
    });
  }

  var start = document.getElementById("camera-start");
  var stop = document.getElementById("camera-stop");
  var video = document.getElementById("camera-video");
  var unavailable = document.getElementById("camera-unavailable");
  if (!("BarcodeDetector" in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    if (unavailable) {
      unavailable.hidden = false;
    }
    return;
  }
  start.hidden = false;
  var stream = null;
  var timer = null;
  var last = "";
  var lastAt = 0;

  function submit(code) {
    input.value = code;
    if (form.requestSubmit) {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  function stopCamera() {
    if (timer) {
      window.clearInterval(timer);
      timer = null;
    }
    if (stream) {
      stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
    }
    video.hidden = true;
    stop.hidden = true;
    start.hidden = false;
  }

  start.addEventListener("click", function () {
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (s) {
        stream = s;
        video.srcObject = s;
        video.hidden = false;
        start.hidden = true;
        stop.hidden = false;
        return video.play();
      })
      .then(function () {
        timer = window.setInterval(function () {
          detector.detect(video).then(function (codes) {
            if (!codes.length) {
              return;
            }
            var value = codes[0].rawValue;
            var now = Date.now();
            // The same badge held in front of the camera is read many times a second: send it once.
            if (value === last && now - lastAt < 4000) {
              return;
            }
            last = value;
            lastAt = now;
            submit(value);
          }).catch(function () {});
        }, 300);
      })
      .catch(function () {
        stopCamera();
        unavailable.hidden = false;
      });
  });
  stop.addEventListener("click", stopCamera);
})();
