// Include once on a page that embeds our charts: each iframe of ours is resized to the
// height its content reports. Only messages from one of our iframes are read, and only
// a sane height is applied. Order does not matter: iframes inserted later (by a CMS,
// with innerHTML) report when they load, and iframes that reported before this script
// ran are asked to report again.
(function () {
  "use strict";
  if (window.__nkwEmbedResizer) {
    return;
  }
  window.__nkwEmbedResizer = true;
  var script = document.currentScript;
  var origin = script ? new URL(script.src, window.location.href).origin : null;
  var MIN_HEIGHT = 100;
  var MAX_HEIGHT = 12000; // small multiples of many countries run tall at phone width

  function ourFrames() {
    return Array.prototype.filter.call(document.getElementsByTagName("iframe"), function (frame) {
      try {
        return new URL(frame.src, window.location.href).origin === origin;
      } catch (error) {
        return false;
      }
    });
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || data.type !== "nkw-embed:height") {
      return;
    }
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height < MIN_HEIGHT || height > MAX_HEIGHT) {
      return;
    }
    ourFrames().forEach(function (frame) {
      if (frame.contentWindow === event.source) {
        frame.style.height = Math.round(height) + "px";
        frame.setAttribute("height", String(Math.round(height)));
      }
    });
  });

  // Addressed to our origin only: a frame that has since navigated elsewhere is not told anything.
  // A frame whose document we can still read has not loaded our page yet: it reports when it does.
  if (origin) {
    ourFrames().forEach(function (frame) {
      if (frame.contentWindow && !frame.contentDocument) {
        frame.contentWindow.postMessage({ type: "nkw-embed:report" }, origin);
      }
    });
  }
})();
