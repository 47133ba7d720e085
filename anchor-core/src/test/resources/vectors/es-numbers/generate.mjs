// Regenerates numbers.csv: "<IEEE 754 bits as 16 hex digits>,<ECMAScript String(value)>" per line.
// The expected strings come from the JavaScript engine running this script (Node.js), an
// implementation independent of ours. Deterministic: run `node generate.mjs > numbers.csv`.
const view = new DataView(new ArrayBuffer(8));
const bitsOf = (x) => {
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, "0");
};
const fromBits = (b) => {
  view.setBigUint64(0, b);
  return view.getFloat64(0);
};

let state = 0x2545f4914f6cdd1dn;
const next = () => {
  // xorshift64
  state ^= (state << 13n) & 0xffffffffffffffffn;
  state ^= state >> 7n;
  state ^= (state << 17n) & 0xffffffffffffffffn;
  return state;
};

const values = [];
// Every power of two (subnormal to largest) and its two neighbours: asymmetric rounding gaps.
for (let e = 0n; e <= 2046n; e++) {
  const p = e << 52n;
  values.push(fromBits(p === 0n ? 1n : p));
  if (e % 7n === 0n) {
    values.push(fromBits(p + 1n));
    if (p > 1n) values.push(fromBits(p - 1n));
  }
}
// Around the notation thresholds 1e-7, 1e-6, 1e21 and 2^53.
for (const x of [1e-7, 1e-6, 1e21, 2 ** 53, 1e20, 1e22, 1e23, 0.1, 0.3]) {
  view.setFloat64(0, x);
  const b = view.getBigUint64(0);
  for (let d = -3n; d <= 3n; d++) values.push(fromBits(b + d));
}
// Uniformly random bit patterns.
while (values.length < 4500) {
  const x = fromBits(next());
  if (Number.isFinite(x)) values.push(x);
}
// Short decimals, where shortest-digit selection matters most.
for (let i = 0; i < 2500; i++) {
  const digits = Number(next() % 10000000n);
  const scale = Number(next() % 40n) - 20;
  values.push((Number(next() % 2n) ? -1 : 1) * digits * 10 ** scale);
}
process.stdout.write(values.map((x) => `${bitsOf(x)},${String(x)}`).join("\n") + "\n");
