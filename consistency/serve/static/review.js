// Keyboard shortcuts of the review page: y confirm, n dismiss, s skip, e note, j next, k previous.
// No data goes through this script: it clicks the page's own buttons and links.
(function () {
  "use strict";
  var clicks = { y: "confirm", n: "dismiss", s: "skip", j: "next", k: "previous" };
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" ||
                            target.tagName === "SELECT" || target.isContentEditable);
    if (typing) {
      if (event.key === "Escape") { target.blur(); }
      return;
    }
    if (event.key === "e") {
      var note = document.getElementById("note");
      if (note) { event.preventDefault(); note.focus(); }
      return;
    }
    var id = clicks[event.key];
    var element = id && document.getElementById(id);
    if (element) {
      event.preventDefault();
      element.click();
    }
  });
})();
