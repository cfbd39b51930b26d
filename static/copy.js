// Copy buttons: copy the text of the element named by data-copy, and say so to screen readers.
"use strict";

(function () {
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain-http hosts have no clipboard API: select a hidden textarea and copy the selection.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    document.body.appendChild(area);
    area.select();
    const done = document.execCommand("copy");
    area.remove();
    return done ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  // One listener on the document: the explorer (explorer.js) replaces these buttons when a filter changes.
  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-copy]");
    if (!button) {
      return;
    }
    const status = button.parentElement.querySelector(".copy-status");
    const source = document.getElementById(button.dataset.copy);
    const text = source.value !== undefined ? source.value : source.textContent;
    copyText(text).then(
      function () { status.textContent = "Copied."; },
      function () { status.textContent = "Could not copy: select the text and copy it yourself."; }
    );
  });
})();
