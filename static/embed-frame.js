// Inside an embed's iframe: tell the host page our height whenever it changes, and again
// whenever the host's embed.js asks (it may have loaded after our first report, or the
// host may have inserted us with innerHTML so that its copy of the script never ran).
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

  function report(again) {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if ((height === last && !again) || height <= 0) {
      return;
    }
    last = height;
    // The height is no secret and any site may embed us: "*" is the only target that reaches every host.
    window.parent.postMessage({ type: "nkw-embed:height", id: id, height: height }, "*");
    const legacy = {};
    legacy[id] = height;
    window.parent.postMessage({ "datawrapper-height": legacy }, "*");
  }

  new ResizeObserver(function () { report(false); }).observe(document.body);
  window.addEventListener("load", function () { report(false); });
  // Only our parent may ask, and only with our message: nothing else makes us post.
  window.addEventListener("message", function (event) {
    if (event.source === window.parent && event.data && event.data.type === "nkw-embed:report") {
      report(true);
    }
  });
})();
