import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mannWhitneyU } from '../../harness/compare/mann-whitney.ts';
import { exactUCdf } from '../../harness/compare/u-distribution.ts';

const close = (a: number, b: number, eps: number) => assert.ok(Math.abs(a - b) < eps, `${a} != ${b}`);

test("R's wilcox.test example (?wilcox.test, x vs y): W = 35, two-sided exact p = 2 x 0.1272", () => {
  const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
  const y = [1.15, 0.88, 0.9, 0.74, 1.21];
  const r = mannWhitneyU(x, y);
  assert.is(r.u, 35);
  assert.is(r.method, 'exact');
  close(r.pValue, 0.2544, 1e-4);
});

test("scipy's mannwhitneyu example (males vs females): U = 17, exact p = 0.1111, asymptotic p = 0.11134688653", () => {
  const males = [19, 22, 16, 29, 24];
  const females = [20, 11, 17, 12];
  const exact = mannWhitneyU(males, females);
  assert.is(exact.u, 17);
  close(exact.pValue, 1 / 9, 1e-12);
  const normal = mannWhitneyU(males, females, { forceNormal: true });
  assert.is(normal.method, 'normal');
  close(normal.pValue, 0.11134688653314041, 1e-6);
});

test('complete separation: p is the smallest the sample sizes allow', () => {
  const r = mannWhitneyU([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
  assert.is(r.u, 0);
  close(r.pValue, 2 / 252, 1e-12);
  close(r.minPValue, 2 / 252, 1e-12);
  close(mannWhitneyU([1, 2, 3], [4, 5, 6]).minPValue, 0.1, 1e-12);
});

test('exact distribution matches brute-force enumeration of every split', () => {
  for (const [m, n] of [[3, 4], [4, 4], [5, 3], [2, 6]] as const) {
    const ranks = Array.from({ length: m + n }, (_, i) => i + 1);
    const counts = new Map<number, number>();
    const choose = (start: number, picked: number[]): void => {
      if (picked.length === m) {
        const u = picked.reduce((a, b) => a + b, 0) - (m * (m + 1)) / 2;
        counts.set(u, (counts.get(u) ?? 0) + 1);
        return;
      }
      for (let i = start; i < ranks.length; i++) choose(i + 1, [...picked, ranks[i]!]);
    };
    choose(0, []);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    let cumulative = 0;
    for (let u = 0; u <= m * n; u++) {
      cumulative += counts.get(u) ?? 0;
      close(exactUCdf(u, m, n), cumulative / total, 1e-12);
    }
  }
});

test('ties switch to the normal approximation with tie correction; identical samples give p = 1', () => {
  const r = mannWhitneyU([1, 2, 2, 3], [2, 3, 4, 5, 5]);
  assert.is(r.method, 'normal');
  assert.ok(r.pValue > 0 && r.pValue < 1);
  assert.is(mannWhitneyU([5, 5, 5], [5, 5, 5]).pValue, 1);
});

test('symmetric in its samples; empty sample gives no p-value', () => {
  close(mannWhitneyU([3, 9, 4], [1, 2, 8, 7]).pValue, mannWhitneyU([1, 2, 8, 7], [3, 9, 4]).pValue, 1e-12);
  assert.ok(Number.isNaN(mannWhitneyU([], [1, 2]).pValue));
});

test.run();
