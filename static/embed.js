// Include once on a page that embeds our charts (including it once per embed is fine too): each iframe
// of ours is resized to the height its content reports. The site may be embedded from several of its
// addresses on one page (example.org and www.example.org, or an old and a new domain), so an iframe is
// ours when its address is an embed's (/embed/... or /v/{version}/embed/...) and it is either marked by
// our embed code (data-nkw-embed), at the origin that served this script, or at an origin listed in this
// script's data-nkw-origins (space-separated). A message is read only from the iframe it says it is from,
// at that iframe's own origin, and only a sane height is applied. Order does not matter: iframes inserted
// later (by a CMS, with innerHTML) report when they load, and iframes that reported before this script
// ran are asked to report again.
(function () {
  "use strict";
  if (window.__nkwEmbedResizer) {
    return;
  }
  window.__nkwEmbedResizer = true;
  var script = document.currentScript;
  var trusted = [];
  if (script) {
    trusted.push(new URL(script.src, window.location.href).origin);
    (script.getAttribute("data-nkw-origins") || "").split(/\s+/).forEach(function (origin) {
      if (origin) {
        trusted.push(origin);
      }
    });
  }
  var EMBED_PATH = /^\/(?:v\/[^/]+\/)?embed\//;
  var MIN_HEIGHT = 100;
  var MAX_HEIGHT = 12000; // small multiples of many countries run tall at phone width

  // The origin of an iframe of ours, or null for any other iframe.
  function ourOrigin(frame) {
    var address;
    try {
      address = new URL(frame.src, window.location.href);
    } catch (error) {
      return null;
    }
    if (!/^https?:$/.test(address.protocol) || !EMBED_PATH.test(address.pathname)) {
      return null;
    }
    var marked = frame.hasAttribute("data-nkw-embed");
    return marked || trusted.indexOf(address.origin) !== -1 ? address.origin : null;
  }

  function frames() {
    return Array.prototype.slice.call(document.getElementsByTagName("iframe"));
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "nkw-embed:height") {
      return;
    }
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height < MIN_HEIGHT || height > MAX_HEIGHT) {
      return;
    }
    frames().forEach(function (frame) {
      if (frame.contentWindow === event.source && ourOrigin(frame) === event.origin) {
        frame.style.height = Math.round(height) + "px";
        frame.setAttribute("height", String(Math.round(height)));
      }
    });
  });

  // Each addressed to its own origin only: a frame that has since navigated elsewhere is not told anything.
  // A frame whose document we can still read has not loaded our page yet: it reports when it does.
  frames().forEach(function (frame) {
    var origin = ourOrigin(frame);
    if (origin && frame.contentWindow && !frame.contentDocument) {
      frame.contentWindow.postMessage({ type: "nkw-embed:report" }, origin);
    }
  });
})();
