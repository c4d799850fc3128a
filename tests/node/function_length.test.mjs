// The function-length check (scripts/check-function-length.mjs) reads C++ with a brace-matching
// tokenizer; these cases hold it to what it must see, so a long function cannot hide from it.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { functionLengths } from '../../scripts/check-function-length.mjs';

const body = (n) => Array.from({ length: n }, (_, i) => `  x += ${i};`).join('\n');

test('a function is measured from its signature to its closing brace', () => {
  const found = functionLengths(`namespace tft {\nint f(int x) {\n${body(3)}\n  return x;\n}\n}  // namespace tft\n`);
  assert.deepEqual(found, [{ name: 'f', start: 2, lines: 6 }]);
});

test('lambdas, blocks and braces in comments and strings count toward their function', () => {
  const code = `void g() {\n  auto l = [] { return "}"; };  // }\n  /* { */ if (true) {\n${body(2)}\n  }\n}\n`;
  assert.deepEqual(functionLengths(code), [{ name: 'g', start: 1, lines: 7 }]);
});

test('structs, namespaces, initializers and default arguments are not functions', () => {
  const code = [
    'struct S {',
    '  int a = 1;',
    '  int get() const { return a; }',
    '};',
    'const int table[] = {1, 2, 3};',
    'int h(const S& s = {}) noexcept {',
    '  return s.a;',
    '}',
  ].join('\n');
  assert.deepEqual(
    functionLengths(code).map((f) => [f.name, f.lines]),
    [
      ['get', 1],
      ['h', 3],
    ],
  );
});

test('a signature over several lines and a constructor initializer list are measured whole', () => {
  const code = 'Widget::Widget(int a,\n               int b)\n    : a_(a), b_(b) {\n  check();\n}\n';
  assert.deepEqual(functionLengths(code), [{ name: 'Widget::Widget', start: 1, lines: 5 }]);
});

test('an 81-line function is reported as 81 lines', () => {
  const found = functionLengths(`int long_one() {\n${body(78)}\n  return 0;\n}\n`);
  assert.equal(found[0].lines, 81);
});
