/* The sign-in page polls until the phone has answered, then follows the redirect. */
(function () {
  "use strict";
  var root = document.querySelector("[data-sig-qr-login]");
  if (!root || !window.fetch) return;
  var form = root.querySelector("form");
  var status = root.querySelector("[data-sig-status]");
  var timer = setInterval(async function () {
    var response = await fetch(form.action, {
      method: "POST", credentials: "same-origin", body: new FormData(form),
      headers: { "Accept": "application/json" }
    });
    var body = await response.json();
    if (body.state === "signed_in") { clearInterval(timer); window.location.assign(body.redirect); }
    else if (body.state === "failed") { clearInterval(timer); status.textContent = body.message; }
  }, 2000);
})();
