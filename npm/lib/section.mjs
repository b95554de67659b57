// A wasm custom section appended to a module: how `fahras build` gives the prebuilt engine its
// corpus's index without recompiling it (the browser reads it back with
// WebAssembly.Module.customSections).

function leb128(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Uint8Array.from(out);
}

/** `module` (a wasm binary) with a custom section `name` holding `payload` appended. */
export function appendSection(module, name, payload) {
  const nameBytes = new TextEncoder().encode(name);
  const nameLength = leb128(nameBytes.length);
  const size = nameLength.length + nameBytes.length + payload.length;
  const parts = [module, Uint8Array.of(0), leb128(size), nameLength, nameBytes, payload];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
