(function () {
  "use strict";
  var rule = document.getElementById("rule-filter");
  var status = document.getElementById("status-filter");
  var count = document.getElementById("shown-count");
  var cards = document.querySelectorAll(".finding");
  function apply() {
    var shown = 0;
    for (var i = 0; i < cards.length; i++) {
      var card = cards[i];
      // a disputed fact carries the statuses of all its conflicts, space-separated
      var statuses = " " + card.getAttribute("data-status") + " ";
      var ok = (!rule.value || card.getAttribute("data-rule") === rule.value) &&
               (!status.value || statuses.indexOf(" " + status.value + " ") >= 0);
      card.hidden = !ok;
      if (ok) { shown += 1; }
    }
    count.textContent = shown + " of " + cards.length + " findings shown";
  }
  rule.addEventListener("change", apply);
  status.addEventListener("change", apply);
  apply();
}());
