/* Sot electronic signatures in the browser: WebCrypto signing with a PKCS#8 key file.
 * RSA keys sign with RSASSA-PKCS1-v1_5/SHA-256; EC P-256 keys with ECDSA/SHA-256, whose raw r||s
 * output is converted to DER here (the server also accepts raw r||s). Nothing leaves the browser
 * except the signature and the certificate. */
(function () {
  "use strict";

  function pemBlock(text, label) {
    var re = new RegExp("-----BEGIN " + label + "-----([\\s\\S]*?)-----END " + label + "-----");
    var m = re.exec(text);
    return m ? m[0] : null;
  }

  function pemBytes(block) {
    var body = block.replace(/-----(BEGIN|END)[^-]*-----/g, "").replace(/\s+/g, "");
    var raw = atob(body);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  function toBase64(bytes) {
    var s = "";
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s);
  }

  function fromBase64(text) {
    var raw = atob(text);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  function derInteger(bytes) {
    var i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) i++;
    var v = Array.prototype.slice.call(bytes, i);
    if (v[0] & 0x80) v.unshift(0);
    return [0x02, v.length].concat(v);
  }

  function rawToDer(raw) {
    var half = raw.length / 2;
    var body = derInteger(raw.slice(0, half)).concat(derInteger(raw.slice(half)));
    return new Uint8Array([0x30, body.length].concat(body));
  }

  async function importKey(der) {
    try {
      var rsa = await crypto.subtle.importKey("pkcs8", der, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["sign"]);
      return { key: rsa, algorithm: { name: "RSASSA-PKCS1-v1_5" }, ec: false };
    } catch (e) {
      var ec = await crypto.subtle.importKey("pkcs8", der, { name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);
      return { key: ec, algorithm: { name: "ECDSA", hash: "SHA-256" }, ec: true };
    }
  }

  /* Sign payload bytes with the key in keyText; returns base64 signature (DER for ECDSA). */
  async function sign(keyText, payload) {
    var block = pemBlock(keyText, "PRIVATE KEY");
    if (!block) throw new Error("nokey");
    var k = await importKey(pemBytes(block));
    var sig = new Uint8Array(await crypto.subtle.sign(k.algorithm, k.key, payload));
    return toBase64(k.ec ? rawToDer(sig) : sig);
  }

  function readFile(input) {
    return new Promise(function (resolve, reject) {
      var file = input && input.files && input.files[0];
      if (!file) { resolve(""); return; }
      var reader = new FileReader();
      reader.onload = function () { resolve(String(reader.result)); };
      reader.onerror = reject;
      reader.readAsText(file);
    });
  }

  function csrfToken(root) {
    var field = (root.closest("form") || document).querySelector("input[name=csrfmiddlewaretoken]");
    if (field) return field.value;
    var m = /(?:^|;\s*)csrftoken=([^;]+)/.exec(document.cookie);
    return m ? decodeURIComponent(m[1]) : "";
  }

  window.SotSign = {
    sign: sign, pemBlock: pemBlock, readFile: readFile, toBase64: toBase64, fromBase64: fromBase64,
    rawToDer: rawToDer, csrfToken: csrfToken
  };
})();
