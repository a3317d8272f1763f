/* The phone's page: load the key file (+ certificate), sign the challenge, send it. */
(function () {
  "use strict";
  var root = document.querySelector("[data-sig-phone-page]");
  if (!root || !window.crypto || !crypto.subtle) return;
  var t = root.dataset;
  root.querySelector("[data-sig-manual]").hidden = true;
  root.querySelector("[data-sig-enhanced]").hidden = false;
  var status = root.querySelector("[data-sig-status]");

  root.querySelector("[data-sig-sign]").addEventListener("click", async function () {
    var keyText = await SotSign.readFile(root.querySelector("[data-sig-key]"));
    var certText = await SotSign.readFile(root.querySelector("[data-sig-cert]"));
    var cert = SotSign.pemBlock(certText, "CERTIFICATE") || SotSign.pemBlock(keyText, "CERTIFICATE");
    if (!keyText || !SotSign.pemBlock(keyText, "PRIVATE KEY")) { status.textContent = t.msgNoKey; return; }
    if (!cert) { status.textContent = t.msgNoCert; return; }
    var signature;
    try {
      signature = await SotSign.sign(keyText, SotSign.fromBase64(t.payload));
    } catch (e) {
      status.textContent = t.msgFailed; return;
    }
    var response = await fetch(t.answerUrl, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": SotSign.csrfToken(root) },
      body: JSON.stringify({ signature: signature, certificate: cert })
    });
    var body = await response.json();
    if (response.ok) {
      status.textContent = t.msgDone;
      root.querySelector("[data-sig-enhanced]").hidden = true;
    } else {
      status.textContent = body.error ? body.error.message : t.msgFailed;
    }
  });
})();
