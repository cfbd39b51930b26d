// Inside an embed's iframe: tell the host page our height whenever it changes.
// Two messages: our own namespaced one (read by /embed.js) and the widely handled
// {"datawrapper-height": {id: height}} form, keyed by this page's address so a host's
// handler can match it to the iframe whose src contains it.
"use strict";

(function () {
  if (window.parent === window) {
    return;
  }
  const id = window.location.pathname + window.location.search;
  let last = 0;

  function report() {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last || height <= 0) {
      return;
    }
    last = height;
    window.parent.postMessage({ type: "nkw-embed:height", id: id, height: height }, "*");
    const legacy = {};
    legacy[id] = height;
    window.parent.postMessage({ "datawrapper-height": legacy }, "*");
  }

  new ResizeObserver(report).observe(document.body);
  window.addEventListener("load", report);
})();
