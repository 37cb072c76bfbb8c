// The workload's expected totals for any N, summed exactly in integer fen (the peers' own check
// sums binary floats): node exact_totals.js N -> {"eligiblePairs":..., "awardSum":"..."}
const path = require('path');
const shared = process.env.ONEWINDOW_SHARED || path.join(__dirname, '..', '..', '..', 'shared');
const { genEnterprises, policies, evalRef } = require(path.join(shared, 'bench/policy-screening/policies.js'));
const n = parseInt(process.argv[2] || '100000', 10);
let pairs = 0, fen = 0n;
const P = policies();
for (const e of genEnterprises(n)) {
  for (const p of P) {
    const r = evalRef(e, p, false);
    if (r.ok) { pairs++; fen += BigInt(Math.round(r.award * 100)); }
  }
}
const s = fen.toString().padStart(3, '0');
console.log(JSON.stringify({ eligiblePairs: pairs, awardSum: `${s.slice(0, -2)}.${s.slice(-2)}` }));
