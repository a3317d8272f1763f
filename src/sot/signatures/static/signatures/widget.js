/* The sign widget: pick a key file (and certificate), sign the payload, fill the form's fields.
 * Or show a QR code and let a phone sign; the widget polls and fills the same fields. */
(function () {
  "use strict";

  function setStatus(root, text, isError) {
    var status = root.querySelector("[data-sig-status]");
    status.textContent = text;
    status.classList.toggle("message--error", !!isError);
  }

  async function signHere(root) {
    var t = root.dataset;
    var keyText = await SotSign.readFile(root.querySelector("[data-sig-key]"));
    var certText = await SotSign.readFile(root.querySelector("[data-sig-cert]"));
    var cert = SotSign.pemBlock(certText, "CERTIFICATE") || SotSign.pemBlock(keyText, "CERTIFICATE");
    if (!keyText || !SotSign.pemBlock(keyText, "PRIVATE KEY")) { setStatus(root, t.msgNoKey, true); return; }
    if (!cert) { setStatus(root, t.msgNoCert, true); return; }
    try {
      var signature = await SotSign.sign(keyText, SotSign.fromBase64(t.payload));
      root.querySelector("[name=signature]").value = signature;
      root.querySelector("[name=certificate]").value = cert;
      setStatus(root, t.msgSigned, false);
    } catch (e) {
      setStatus(root, t.msgFailed, true);
    }
  }

  async function signOnPhone(root) {
    var t = root.dataset;
    var response = await fetch(t.challengeUrl, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": SotSign.csrfToken(root) },
      body: JSON.stringify({ payload_b64: t.payload })
    });
    var body = await response.json();
    if (!response.ok) { setStatus(root, body.error ? body.error.message : t.msgFailed, true); return; }
    var box = root.querySelector("[data-sig-qr]");
    box.innerHTML = body.qr_svg;
    var link = document.createElement("a");
    link.href = body.phone_url; link.textContent = t.msgOpenOnPhone;
    box.appendChild(link);
    box.hidden = false;
    setStatus(root, t.msgWaiting, false);
    var statusUrl = t.challengeUrl + body.id + "/";
    var timer = setInterval(async function () {
      var r = await fetch(statusUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } });
      var s = await r.json();
      if (s.state === "answered" && s.signature) {
        clearInterval(timer);
        root.querySelector("[name=signature]").value = s.signature;
        root.querySelector("[name=certificate]").value = s.certificate;
        box.hidden = true;
        setStatus(root, t.msgSigned, false);
      } else if (s.state === "expired" || !r.ok) {
        clearInterval(timer);
        box.hidden = true;
        setStatus(root, t.msgExpired, true);
      }
    }, 2000);
  }

  function enhance(root) {
    if (!window.crypto || !crypto.subtle) return;  // keep the paste fields
    root.querySelector("[data-sig-manual]").hidden = true;
    root.querySelector("[data-sig-enhanced]").hidden = false;
    root.querySelector("[data-sig-sign]").addEventListener("click", function () { signHere(root); });
    root.querySelector("[data-sig-phone]").addEventListener("click", function () { signOnPhone(root); });
  }

  document.querySelectorAll("[data-sig-widget]").forEach(enhance);
})();
